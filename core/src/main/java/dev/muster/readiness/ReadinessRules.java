package dev.muster.readiness;

import java.util.List;

/** Every readiness rule of steps 1 to 5, in report order. */
public final class ReadinessRules {
    private static final List<ReadinessRule> ALL = List.of(
            TrialRules.PRODUCTION_PLAN, TrialRules.TEST_DATA_PURGED,
            PolicyRules.TWO_STEP_LOGIN, PolicyRules.RECOMMENDED_POLICIES, PolicyRules.ACCOUNT_RECOVERY,
            LicenseRules.PRODUCTION_LICENSE, LicenseRules.SEATS, LicenseRules.SYNC,
            SharedDataRules.COLLECTIONS, SharedDataRules.GROUPS, SharedDataRules.OWNERS, SharedDataRules.ADMINS,
            SharedDataRules.ROLES_FROM_RULES,
            ClientRules.SERVER_URL);

    private ReadinessRules() {
    }

    public static List<ReadinessRule> all() {
        return ALL;
    }

    public static ReadinessReport evaluate(ReadinessFacts facts) {
        return new ReadinessReport(facts.organization().id(), facts.now(),
                ALL.stream().map(rule -> rule.evaluate(facts)).toList());
    }
}
