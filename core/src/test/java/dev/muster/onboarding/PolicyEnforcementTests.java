package dev.muster.onboarding;

import dev.muster.organization.Actor;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.PolicyType;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.muster.onboarding.Fixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyEnforcementTests {

    @Test
    void enablingTwoStepLoginRevokesNonCompliantMembersButNotAdmins() {
        var f = Fixtures.organization();
        var enforcement = new PolicyEnforcement(f.memory.store, f.administration, f.clock);
        f.apply(Source.CSV, person("a", "a@acme.test"), person("b", "b@acme.test"), person("c", "c@acme.test"));
        f.administration.setAttributes(f.organization.id(), Actor.admin(), f.member("b@acme.test").id(),
                Map.of("twoFactorEnabled", "true"));
        f.administration.changeRole(f.organization.id(), Actor.admin(), f.member("c@acme.test").id(), Role.ADMIN,
                Set.of());

        var saved = enforcement.save(f.organization.id(), Actor.admin(), PolicyType.REQUIRE_TWO_STEP_LOGIN, true,
                Map.of());

        assertThat(saved.revokedMembers()).containsExactly("a@acme.test");
        assertThat(f.member("a@acme.test").revocationReason()).isEqualTo(RevocationReason.POLICY_NON_COMPLIANCE);
        assertThat(f.member("b@acme.test").status()).isEqualTo(MemberStatus.INVITED);
        assertThat(f.member("c@acme.test").status()).isEqualTo(MemberStatus.INVITED);
    }

    @Test
    void enablingAnInformativePolicyRevokesNobody() {
        var f = Fixtures.organization();
        var enforcement = new PolicyEnforcement(f.memory.store, f.administration, f.clock);
        f.apply(Source.CSV, person("a", "a@acme.test"));

        var saved = enforcement.save(f.organization.id(), Actor.admin(), PolicyType.MASTER_PASSWORD_REQUIREMENTS,
                true, Map.of("minLength", "14"));

        assertThat(saved.revokedMembers()).isEmpty();
        assertThat(f.memory.store.policies().find(f.organization.id(), PolicyType.MASTER_PASSWORD_REQUIREMENTS))
                .hasValueSatisfying(p -> assertThat(p.settings()).containsEntry("minLength", "14"));
    }
}
