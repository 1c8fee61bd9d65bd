package dev.muster.onboarding;

import dev.muster.organization.Actor;
import dev.muster.organization.MemberId;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Permission;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.muster.onboarding.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

class MemberAdministrationTests {

    private MemberId confirmed(Fixtures f, String id, String email, Role role) {
        f.apply(Source.CSV, person(id, email));
        MemberId member = f.member(email).id();
        f.administration.accept(f.organization.id(), member);
        f.administration.confirm(f.organization.id(), Actor.admin(), member);
        if (role != Role.USER) {
            f.administration.changeRole(f.organization.id(), Actor.admin(), member, role,
                    role == Role.CUSTOM ? Set.of(Permission.MANAGE_USERS) : Set.of());
        }
        return member;
    }

    @Test
    void walksTheStatusMachineFromInvitedToConfirmed() {
        var f = Fixtures.organization();
        MemberId id = confirmed(f, "a", "a@acme.test", Role.USER);
        assertThat(f.member("a@acme.test").status()).isEqualTo(MemberStatus.CONFIRMED);
        assertThat(f.administration.accept(f.organization.id(), id)).isInstanceOf(ItemOutcome.Rejected.class);
    }

    @Test
    void keepsTheLastConfirmedOwner() {
        var f = Fixtures.organization();
        MemberId owner = confirmed(f, "o", "owner@acme.test", Role.OWNER);

        var outcome = f.administration.changeRole(f.organization.id(), Actor.admin(), owner, Role.USER, Set.of());
        assertThat(outcome).isInstanceOfSatisfying(ItemOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("last-owner"));
        assertThat(f.administration.remove(f.organization.id(), Actor.admin(), owner))
                .isInstanceOf(ItemOutcome.Rejected.class);
    }

    @Test
    void nobodyRevokesThemselves() {
        var f = Fixtures.organization();
        confirmed(f, "o", "owner@acme.test", Role.OWNER);
        MemberId admin = confirmed(f, "a", "admin@acme.test", Role.ADMIN);

        var outcome = f.administration.revoke(f.organization.id(), Actor.member(admin, "admin@acme.test"), admin,
                RevocationReason.MANUAL);

        assertThat(outcome).isInstanceOfSatisfying(ItemOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("not-self"));
    }

    @Test
    void onlyOwnersActOnOwners() {
        var f = Fixtures.organization();
        MemberId owner = confirmed(f, "o", "owner@acme.test", Role.OWNER);
        confirmed(f, "o2", "owner2@acme.test", Role.OWNER);
        MemberId admin = confirmed(f, "a", "admin@acme.test", Role.ADMIN);

        var outcome = f.administration.revoke(f.organization.id(), Actor.member(admin, "admin"), owner,
                RevocationReason.MANUAL);
        assertThat(outcome).isInstanceOfSatisfying(ItemOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("owner-only"));
        MemberId user = confirmed(f, "u", "user@acme.test", Role.USER);
        assertThat(f.administration.changeRole(f.organization.id(), Actor.member(admin, "admin"), user, Role.OWNER,
                Set.of())).isInstanceOf(ItemOutcome.Rejected.class);
    }

    @Test
    void customAdminCannotGrantPermissionsItLacks() {
        var f = Fixtures.organization();
        MemberId custom = confirmed(f, "c", "custom@acme.test", Role.CUSTOM);
        MemberId user = confirmed(f, "u", "user@acme.test", Role.USER);

        var outcome = f.administration.changeRole(f.organization.id(), Actor.member(custom, "custom"), user,
                Role.CUSTOM, Set.of(Permission.MANAGE_USERS, Permission.MANAGE_POLICIES));

        assertThat(outcome).isInstanceOfSatisfying(ItemOutcome.Rejected.class,
                r -> assertThat(r.reason()).contains("MANAGE_POLICIES"));
        assertThat(f.administration.changeRole(f.organization.id(), Actor.member(custom, "custom"), user,
                Role.CUSTOM, Set.of(Permission.MANAGE_USERS))).isInstanceOf(ItemOutcome.Applied.class);
    }

    @Test
    void restoreIsRefusedWhenNoSeatIsLeft() {
        var f = Fixtures.organizationWithSeats(1, null);
        f.apply(Source.CSV, person("a", "a@acme.test"));
        MemberId a = f.member("a@acme.test").id();
        f.administration.revoke(f.organization.id(), Actor.admin(), a, RevocationReason.MANUAL);
        f.apply(Source.CSV, person("b", "b@acme.test"));

        var outcome = f.administration.restore(f.organization.id(), Actor.admin(), a);

        assertThat(outcome).isInstanceOfSatisfying(ItemOutcome.Skipped.class,
                s -> assertThat(s.code()).isEqualTo("seat-limit"));
        assertThat(f.member("a@acme.test").status()).isEqualTo(MemberStatus.REVOKED);
    }

    @Test
    void restoreIsBlockedForPolicyRevocationUntilCompliant() {
        var f = Fixtures.organization();
        f.apply(Source.CSV, person("a", "a@acme.test"));
        MemberId a = f.member("a@acme.test").id();
        f.memory.store.policies().save(new Policy(f.organization.id(), PolicyType.REQUIRE_TWO_STEP_LOGIN, true,
                Map.of()));
        f.administration.revoke(f.organization.id(), Actor.system(Actor.Kind.POLICY, "policy"), a,
                RevocationReason.POLICY_NON_COMPLIANCE);

        assertThat(f.administration.restore(f.organization.id(), Actor.admin(), a))
                .isInstanceOfSatisfying(ItemOutcome.Skipped.class, s -> assertThat(s.code()).isEqualTo("policy"));

        f.apply(Source.CSV, dev.muster.onboarding.OnboardingCommand.UpsertPerson.of("a", "a@acme.test", null,
                Map.of("twoFactorEnabled", "true"), null, true));
        assertThat(f.administration.restore(f.organization.id(), Actor.admin(), a))
                .isInstanceOf(ItemOutcome.Applied.class);
        assertThat(f.member("a@acme.test").status()).isEqualTo(MemberStatus.INVITED);
    }

    @Test
    void reinviteOfAStagedMemberInvitesAndTakesASeat() {
        var f = Fixtures.stagingOrganization();
        f.apply(Source.DIRECTORY, person("a", "a@acme.test"));
        var outcome = f.administration.reinvite(f.organization.id(), Actor.admin(), f.member("a@acme.test").id());

        assertThat(outcome).isInstanceOf(ItemOutcome.Applied.class);
        assertThat(f.member("a@acme.test").status()).isEqualTo(MemberStatus.INVITED);
        assertThat(f.invitations.sent).hasSize(1);
    }
}
