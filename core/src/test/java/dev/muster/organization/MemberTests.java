package dev.muster.organization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberTests {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private static Member staged() {
        return Member.newMember(OrganizationId.random(), "ada@acme.test", "Ada", Map.of(),
                new ExternalIdentity(Source.SCIM, "u1"), NOW);
    }

    @Test
    void movesStagedInvitedAcceptedConfirmedInOrder() {
        Member m = staged().invite().accept().confirm();
        assertThat(m.status()).isEqualTo(MemberStatus.CONFIRMED);
    }

    @Test
    void refusesToSkipAStep() {
        assertThatThrownBy(() -> staged().accept()).isInstanceOf(Member.IllegalTransition.class)
                .hasMessageContaining("STAGED").hasMessageContaining("ACCEPTED");
        assertThatThrownBy(() -> staged().invite().confirm()).isInstanceOf(Member.IllegalTransition.class);
    }

    @ParameterizedTest
    @EnumSource(value = MemberStatus.class, names = {"STAGED", "INVITED", "ACCEPTED", "CONFIRMED"})
    void restoreReturnsExactlyToTheStatusBeforeRevocation(MemberStatus status) {
        Member m = staged();
        if (status.ordinal() >= MemberStatus.INVITED.ordinal()) m = m.invite();
        if (status.ordinal() >= MemberStatus.ACCEPTED.ordinal()) m = m.accept();
        if (status.ordinal() >= MemberStatus.CONFIRMED.ordinal()) m = m.confirm();

        Member revoked = m.revoke(RevocationReason.MANUAL);
        assertThat(revoked.previousStatus()).isEqualTo(status);
        assertThat(revoked.restore().status()).isEqualTo(status);
        assertThat(revoked.restore().revocationReason()).isNull();
    }

    @Test
    void cannotRevokeTwice() {
        assertThatThrownBy(() -> staged().revoke(RevocationReason.MANUAL).revoke(RevocationReason.MANUAL))
                .isInstanceOf(Member.IllegalTransition.class);
    }

    @Test
    void onlyCustomMembersHoldPermissions() {
        assertThat(staged().withRole(Role.ADMIN, Set.of(Permission.MANAGE_USERS), false).permissions()).isEmpty();
        assertThat(staged().withRole(Role.CUSTOM, Set.of(Permission.MANAGE_USERS), false).permissions())
                .containsExactly(Permission.MANAGE_USERS);
    }

    @Test
    void rejectsAnInvalidEmail() {
        assertThatThrownBy(() -> Member.newMember(OrganizationId.random(), "nope", null, Map.of(), null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void stagedMembersUseNoSeat() {
        assertThat(MemberStatus.STAGED.occupiesSeat()).isFalse();
        assertThat(MemberStatus.REVOKED.occupiesSeat()).isFalse();
        assertThat(MemberStatus.INVITED.occupiesSeat()).isTrue();
    }

    @Test
    void groupNamesAreBoundedTo100Characters() {
        assertThatThrownBy(() -> Group.newGroup(OrganizationId.random(), "x".repeat(101), null, null, NOW))
                .hasMessageContaining("100");
        assertThatThrownBy(() -> Group.newGroup(OrganizationId.random(), "ok", "y".repeat(301), null, NOW))
                .hasMessageContaining("300");
    }

    @Test
    void seatsGrowUpToTheLimitThenRunOut() {
        var org = new Organization(OrganizationId.random(), "Acme", Plan.TRIAL, 2, 3,
                OrganizationSettings.defaults(), NOW, 0);
        assertThat(Seats.claim(org, 1)).isInstanceOf(Seats.Claim.Available.class);
        assertThat(Seats.claim(org, 2)).isEqualTo(new Seats.Claim.Grown(3));
        assertThat(Seats.claim(org, 3)).isInstanceOf(Seats.Claim.Exhausted.class);
    }
}
