package dev.muster.readiness;

import dev.muster.organization.Member;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;

import java.util.Locale;

/**
 * Account recovery (master password reset) enrollment of a member. A member is enrolled when the member attribute
 * {@value #ENROLLED_ATTRIBUTE} is {@code true}: set when the member accepts while automatic enrollment is on, or
 * by the API for members who enrolled in their client. Members who have not joined yet are enrolled
 * automatically when they accept, if the policy says so.
 */
public final class AccountRecoveryEnrollment {
    public static final String ENROLLED_ATTRIBUTE = "accountRecoveryEnrolled";
    public static final String AUTO_ENROLLMENT = PolicyRules.AUTO_ENROLLMENT;

    /** Where a member stands. */
    public enum Status { ENROLLED, ENROLLS_ON_ACCEPT, NOT_ENROLLED }

    private AccountRecoveryEnrollment() {
    }

    /** Whether the policy is enabled and enrolls new members automatically. */
    public static boolean automatic(Policy policy) {
        return policy != null && policy.type() == PolicyType.ACCOUNT_RECOVERY && policy.enabled()
                && "true".equalsIgnoreCase(policy.settings().get(AUTO_ENROLLMENT));
    }

    /** @param policy the organization's {@code ACCOUNT_RECOVERY} policy, {@code null} if never saved */
    public static Status status(Member member, Policy policy) {
        if ("true".equals(member.attributes().getOrDefault(ENROLLED_ATTRIBUTE, "false").toLowerCase(Locale.ROOT))) {
            return Status.ENROLLED;
        }
        MemberStatus where = member.effectiveStatus();
        boolean notJoinedYet = where == MemberStatus.STAGED || where == MemberStatus.INVITED;
        return automatic(policy) && notJoinedYet ? Status.ENROLLS_ON_ACCEPT : Status.NOT_ENROLLED;
    }
}
