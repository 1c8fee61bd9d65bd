package dev.muster.readiness;

import dev.muster.organization.PolicyType;
import dev.muster.readiness.ReadinessRule.Finding;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Step 2: security policies enabled as intended and account recovery on. */
final class PolicyRules {
    /** Enabled by most organizations before onboarding; missing ones warn. */
    static final Set<PolicyType> RECOMMENDED = EnumSet.of(PolicyType.MASTER_PASSWORD_REQUIREMENTS,
            PolicyType.SINGLE_ORGANIZATION, PolicyType.MAXIMUM_VAULT_TIMEOUT, PolicyType.ENFORCE_DATA_OWNERSHIP);

    private PolicyRules() {
    }

    static final ReadinessRule TWO_STEP_LOGIN = new ReadinessRule("two-step-login-policy", 2,
            "Two-step login required", true, f -> f.enabledPolicy(PolicyType.REQUIRE_TWO_STEP_LOGIN).isPresent()
            ? Finding.pass("REQUIRE_TWO_STEP_LOGIN is enabled")
            : Finding.fail("REQUIRE_TWO_STEP_LOGIN is not enabled: accounts with only a master password would join",
            "PUT " + f.api() + "/policies/REQUIRE_TWO_STEP_LOGIN {\"enabled\":true}"));

    static final ReadinessRule RECOMMENDED_POLICIES = new ReadinessRule("security-policies", 2,
            "Recommended security policies enabled", false, PolicyRules::recommended);

    static final ReadinessRule ACCOUNT_RECOVERY = new ReadinessRule("account-recovery-policy", 2,
            "Account recovery administration with automatic enrollment", true, PolicyRules::accountRecovery);

    /** The setting of {@link PolicyType#ACCOUNT_RECOVERY} that enrolls new members automatically. */
    public static final String AUTO_ENROLLMENT = "autoEnrollment";

    private static Finding recommended(ReadinessFacts f) {
        List<String> missing = RECOMMENDED.stream().filter(t -> f.enabledPolicy(t).isEmpty()).map(Enum::name)
                .sorted().toList();
        return missing.isEmpty() ? Finding.pass("all recommended policies are enabled: " + RECOMMENDED)
                : Finding.warn("not enabled: " + String.join(", ", missing), "PUT " + f.api()
                + "/policies/{type} {\"enabled\":true,\"settings\":{...}} for each");
    }

    private static Finding accountRecovery(ReadinessFacts f) {
        String fix = "PUT " + f.api() + "/policies/ACCOUNT_RECOVERY {\"enabled\":true,\"settings\":{\""
                + AUTO_ENROLLMENT + "\":\"true\"}}";
        return f.enabledPolicy(PolicyType.ACCOUNT_RECOVERY)
                .map(p -> "true".equalsIgnoreCase(p.settings().get(AUTO_ENROLLMENT))
                        ? Finding.pass("ACCOUNT_RECOVERY is enabled with automatic enrollment")
                        : Finding.warn("ACCOUNT_RECOVERY is enabled but new members are not enrolled "
                        + "automatically", fix))
                .orElse(Finding.fail("ACCOUNT_RECOVERY is not enabled: a member who forgets the master password "
                        + "loses the vault", fix));
    }
}
