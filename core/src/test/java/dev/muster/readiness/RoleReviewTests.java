package dev.muster.readiness;

import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RoleReviewTests {
    private final Member member = Member.newMember(OrganizationId.random(), "a@acme.test", "A", Map.of(),
            new ExternalIdentity(Source.CSV, "a"), FactsBuilder.NOW).invite();

    @Test
    void countsMembersWhoseRoleOnlyCameFromTheDefault() {
        assertThat(RoleReview.fromNoRule(member)).isTrue();
        assertThat(RoleReview.fromNoRule(member.withExplanation(List.of("no rules: USER")))).isTrue();
        assertThat(RoleReview.fromNoRule(member.withExplanation(List.of(
                "rule 1 \"everyone\" matched (always): groups Staff", "no matching rule sets a role: USER"))))
                .isTrue();
    }

    @Test
    void doesNotCountRolesFromARulePinnedByAnAdminOwnersOrRevokedMembers() {
        assertThat(RoleReview.fromNoRule(member.withExplanation(List.of(
                "rule 1 \"engineers\" matched (department is Engineering): role ADMIN")))).isFalse();
        assertThat(RoleReview.fromNoRule(member.withExplanation(List.of("no matching rule sets a role: USER",
                "role CUSTOM requested by the source")))).isFalse();
        assertThat(RoleReview.fromNoRule(member.withRole(Role.ADMIN, Set.of(), true))).isFalse();
        assertThat(RoleReview.fromNoRule(member.withRole(Role.OWNER, Set.of(), false))).isFalse();
        assertThat(RoleReview.fromNoRule(member.revoke(RevocationReason.MANUAL))).isFalse();
    }
}
