package dev.muster.readiness;

import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;
import dev.muster.organization.Source;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.muster.readiness.AccountRecoveryEnrollment.Status.ENROLLED;
import static dev.muster.readiness.AccountRecoveryEnrollment.Status.ENROLLS_ON_ACCEPT;
import static dev.muster.readiness.AccountRecoveryEnrollment.Status.NOT_ENROLLED;
import static org.assertj.core.api.Assertions.assertThat;

class AccountRecoveryEnrollmentTests {
    private final OrganizationId org = OrganizationId.random();
    private final Policy automatic = new Policy(org, PolicyType.ACCOUNT_RECOVERY, true, Map.of("autoEnrollment",
            "true"));
    private final Policy manual = new Policy(org, PolicyType.ACCOUNT_RECOVERY, true, Map.of());

    private Member invited(Map<String, String> attributes) {
        return Member.newMember(org, "a@acme.test", null, attributes, new ExternalIdentity(Source.CSV, "a"),
                FactsBuilder.NOW).invite();
    }

    @Test
    void memberWithTheEnrolledAttributeIsEnrolled() {
        assertThat(AccountRecoveryEnrollment.status(invited(Map.of("accountRecoveryEnrolled", "true")).accept(),
                null)).isEqualTo(ENROLLED);
    }

    @Test
    void memberWhoHasNotJoinedEnrollsOnAcceptOnlyWithAutomaticEnrollment() {
        assertThat(AccountRecoveryEnrollment.status(invited(Map.of()), automatic)).isEqualTo(ENROLLS_ON_ACCEPT);
        assertThat(AccountRecoveryEnrollment.status(invited(Map.of()), manual)).isEqualTo(NOT_ENROLLED);
        assertThat(AccountRecoveryEnrollment.status(invited(Map.of()), null)).isEqualTo(NOT_ENROLLED);
    }

    @Test
    void memberWhoJoinedWithoutEnrollingIsNotEnrolled() {
        assertThat(AccountRecoveryEnrollment.status(invited(Map.of()).accept().confirm(), automatic))
                .isEqualTo(NOT_ENROLLED);
    }
}
