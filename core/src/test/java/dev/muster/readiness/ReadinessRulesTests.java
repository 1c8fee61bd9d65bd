package dev.muster.readiness;

import dev.muster.organization.Plan;
import dev.muster.organization.PolicyType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessRulesTests {

    @Test
    void readyOrganizationPassesEveryItemAndOpensTheGate() {
        ReadinessReport report = ReadinessRules.evaluate(FactsBuilder.ready().build());
        assertThat(report.items()).allSatisfy(i -> assertThat(i.status()).as(i.id() + ": " + i.reason())
                .isEqualTo(ReadinessStatus.PASS));
        assertThat(report.items()).extracting(ReadinessItem::step).contains(1, 2, 3, 4, 5);
        assertThat(report.ready()).isTrue();
    }

    @Test
    void trialOrganizationFailsProductionPlanAndNamesTheUpgradeCall() {
        var facts = FactsBuilder.ready();
        facts.organization = facts.organization.withPlan(Plan.TRIAL);
        ReadinessItem item = facts.item("production-plan");
        assertThat(item.status()).isEqualTo(ReadinessStatus.FAIL);
        assertThat(item.fix()).contains("POST /api/organizations/" + facts.organization.id() + "/upgrade");
        assertThat(item.blocks()).isTrue();
    }

    @Test
    void remainingTestDataFailsAndAnUnpurgedTrialWarns() {
        var facts = FactsBuilder.ready();
        facts.trial = new ReadinessFacts.TrialData(true, null, 3);
        assertThat(facts.item("test-data-purged").status()).isEqualTo(ReadinessStatus.FAIL);
        assertThat(facts.item("test-data-purged").reason()).startsWith("3 ");
        facts.trial = new ReadinessFacts.TrialData(true, null, 0);
        assertThat(facts.item("test-data-purged").status()).isEqualTo(ReadinessStatus.WARN);
        facts.trial = new ReadinessFacts.TrialData(false, null, 0);
        assertThat(facts.item("test-data-purged").status()).isEqualTo(ReadinessStatus.PASS);
    }

    @Test
    void missingTwoStepLoginPolicyFailsAndMissingRecommendedPoliciesOnlyWarn() {
        var facts = FactsBuilder.ready().disable(PolicyType.REQUIRE_TWO_STEP_LOGIN)
                .disable(PolicyType.SINGLE_ORGANIZATION);
        assertThat(facts.item("two-step-login-policy").status()).isEqualTo(ReadinessStatus.FAIL);
        assertThat(facts.item("two-step-login-policy").fix()).contains("/policies/REQUIRE_TWO_STEP_LOGIN");
        ReadinessItem recommended = facts.item("security-policies");
        assertThat(recommended.status()).isEqualTo(ReadinessStatus.WARN);
        assertThat(recommended.reason()).isEqualTo("not enabled: SINGLE_ORGANIZATION");
        assertThat(recommended.blocks()).isFalse();
    }

    @Test
    void accountRecoveryFailsWhenOffAndWarnsWithoutAutomaticEnrollment() {
        var facts = FactsBuilder.ready().disable(PolicyType.ACCOUNT_RECOVERY);
        assertThat(facts.item("account-recovery-policy").status()).isEqualTo(ReadinessStatus.FAIL);
        facts.enable(PolicyType.ACCOUNT_RECOVERY, Map.of("autoEnrollment", "false"));
        assertThat(facts.item("account-recovery-policy").status()).isEqualTo(ReadinessStatus.WARN);
    }

    @Test
    void licenseFailsWhenMissingExpiredOrNotProductionAndWarnsBeforeExpiry() {
        var facts = FactsBuilder.ready();
        var org = facts.organization.id();
        facts.license = null;
        assertThat(facts.item("production-license").status()).isEqualTo(ReadinessStatus.FAIL);
        assertThat(facts.item("license-seats").status()).isEqualTo(ReadinessStatus.FAIL);
        facts.license = FactsBuilder.installed(FactsBuilder.license(org, Plan.PRODUCTION, 50,
                FactsBuilder.NOW.minusSeconds(1)));
        assertThat(facts.item("production-license").reason()).contains("expired");
        facts.license = FactsBuilder.installed(FactsBuilder.license(org, Plan.TRIAL, 50,
                FactsBuilder.NOW.plus(Duration.ofDays(90))));
        assertThat(facts.item("production-license").status()).isEqualTo(ReadinessStatus.FAIL);
        facts.license = FactsBuilder.installed(FactsBuilder.license(org, Plan.PRODUCTION, 50,
                FactsBuilder.NOW.plus(Duration.ofDays(10))));
        assertThat(facts.item("production-license").status()).isEqualTo(ReadinessStatus.WARN);
    }

    @Test
    void seatsBeyondTheLicenseFail() {
        var facts = FactsBuilder.ready();
        facts.occupied = 51;
        assertThat(facts.item("license-seats").status()).isEqualTo(ReadinessStatus.FAIL);
        assertThat(facts.item("license-seats").reason()).isEqualTo("51 seats in use but the license pays for 50");
    }

    @Test
    void licenseSyncWarnsWhenNotConfiguredOrWhenTheLastAttemptFailed() {
        var facts = FactsBuilder.ready();
        facts.sync = ReadinessFacts.LicenseSyncState.notConfigured();
        assertThat(facts.item("license-sync").status()).isEqualTo(ReadinessStatus.WARN);
        facts.sync = new ReadinessFacts.LicenseSyncState(true, FactsBuilder.NOW.minusSeconds(600),
                FactsBuilder.NOW.minusSeconds(5), "HTTP 503");
        assertThat(facts.item("license-sync").reason()).contains("HTTP 503");
    }

    @Test
    void sharedDataWarnsNamingUnreachableCollectionsAndUnassignedGroups() {
        var facts = FactsBuilder.ready();
        facts.shared = new ReadinessFacts.SharedData(2, List.of("Finance"), 1, List.of("Contractors"));
        assertThat(facts.item("collections-imported").reason()).contains("Finance");
        assertThat(facts.item("groups-assigned").reason()).contains("Contractors");
        assertThat(facts.item("groups-assigned").status()).isEqualTo(ReadinessStatus.WARN);
    }

    @Test
    void ownersFailWithoutAConfirmedOwnerAndWarnWithOnlyOne() {
        var facts = FactsBuilder.ready();
        facts.roles = new ReadinessFacts.RoleFacts(0, 0, 0, 4);
        assertThat(facts.item("owners").status()).isEqualTo(ReadinessStatus.FAIL);
        assertThat(facts.item("admins").status()).isEqualTo(ReadinessStatus.WARN);
        assertThat(facts.item("roles-reviewed").reason()).startsWith("4 members");
        facts.roles = new ReadinessFacts.RoleFacts(1, 0, 1, 0);
        assertThat(facts.item("owners").status()).isEqualTo(ReadinessStatus.WARN);
        assertThat(facts.item("admins").status()).isEqualTo(ReadinessStatus.PASS);
    }

    @Test
    void missingServerUrlFailsAndNamesTheCallThatSetsIt() {
        var facts = FactsBuilder.ready();
        facts.serverUrl = null;
        assertThat(facts.item("client-server-url").status()).isEqualTo(ReadinessStatus.FAIL);
        assertThat(facts.item("client-server-url").fix()).contains("/clients/server-url");
    }
}
