package dev.muster.readiness;

import dev.muster.organization.Plan;
import dev.muster.readiness.ReadinessRule.Finding;

/** Step 1: the trial is upgraded (or a fresh production organization started) and test data is purged. */
final class TrialRules {
    private TrialRules() {
    }

    static final ReadinessRule PRODUCTION_PLAN = new ReadinessRule("production-plan", 1,
            "Trial upgraded or a fresh production organization started", true, f -> f.organization().plan()
            == Plan.PRODUCTION ? Finding.pass("the organization is on the production plan")
            : Finding.fail("the organization is still a trial", "PUT " + f.api() + "/license with a production "
            + "license, then POST " + f.api() + "/upgrade"));

    static final ReadinessRule TEST_DATA_PURGED = new ReadinessRule("test-data-purged", 1, "Test data purged",
            true, TrialRules::testData);

    private static Finding testData(ReadinessFacts f) {
        String fix = "POST " + f.api() + "/purge?dryRun=true to see what goes, then POST " + f.api()
                + "/purge?dryRun=false";
        if (f.trial().remaining() > 0) {
            return Finding.fail(f.trial().remaining() + " collections, groups or members are still marked as test "
                    + "data", fix);
        }
        if (f.trial().lastPurge() != null) {
            return Finding.pass("test data was purged at " + f.trial().lastPurge());
        }
        if (f.trial().upgradedFromTrial() || f.organization().plan() == Plan.TRIAL) {
            return Finding.warn("the organization comes from a trial and was never purged: trial data may remain",
                    fix + "&before=<end of the trial>");
        }
        return Finding.pass("a fresh production organization: no trial data");
    }
}
