package dev.muster.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a member complies with the policies that revoke non-compliant members: two-step login
 * (attribute {@code twoFactorEnabled} is {@code true}) and single organization (attribute
 * {@code otherOrganizations} is absent or {@code 0}).
 */
public final class PolicyCompliance {
    public static final String TWO_FACTOR_ENABLED = "twoFactorEnabled";
    public static final String OTHER_ORGANIZATIONS = "otherOrganizations";

    private PolicyCompliance() {
    }

    /** The enabled policies the member breaks, in words; empty when compliant. */
    public static List<String> violations(Member member, List<Policy> policies) {
        var violations = new ArrayList<String>();
        for (Policy policy : policies) {
            if (!policy.enabled()) {
                continue;
            }
            if (policy.type() == PolicyType.REQUIRE_TWO_STEP_LOGIN && !twoFactor(member)) {
                violations.add("two-step login is required and " + member.email() + " has not enabled it");
            }
            if (policy.type() == PolicyType.SINGLE_ORGANIZATION && inOtherOrganizations(member)) {
                violations.add("single organization is required and " + member.email()
                        + " belongs to other organizations");
            }
        }
        return violations;
    }

    private static boolean twoFactor(Member member) {
        return "true".equals(member.attributes().getOrDefault(TWO_FACTOR_ENABLED, "false")
                .toLowerCase(Locale.ROOT));
    }

    private static boolean inOtherOrganizations(Member member) {
        String value = member.attributes().getOrDefault(OTHER_ORGANIZATIONS, "0").strip();
        return !(value.isEmpty() || value.equals("0") || value.equalsIgnoreCase("false"));
    }
}
