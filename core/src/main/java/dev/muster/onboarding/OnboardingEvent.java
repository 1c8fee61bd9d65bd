package dev.muster.onboarding;

import dev.muster.organization.MemberId;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;

/** Domain events the onboarding service publishes after the change commits. */
public sealed interface OnboardingEvent {
    OrganizationId organizationId();

    record MemberStaged(OrganizationId organizationId, MemberId memberId) implements OnboardingEvent {
    }

    record MemberInvited(OrganizationId organizationId, MemberId memberId) implements OnboardingEvent {
    }

    record MemberStatusChanged(OrganizationId organizationId, MemberId memberId, MemberStatus status)
            implements OnboardingEvent {
    }

    record RoleChanged(OrganizationId organizationId, MemberId memberId, Role from, Role to)
            implements OnboardingEvent {
    }

    record MemberRevoked(OrganizationId organizationId, MemberId memberId, RevocationReason reason)
            implements OnboardingEvent {
    }

    record MemberRestored(OrganizationId organizationId, MemberId memberId) implements OnboardingEvent {
    }

    record MemberRemoved(OrganizationId organizationId, MemberId memberId) implements OnboardingEvent {
    }

    record BatchCompleted(OrganizationId organizationId, RunId runId, java.util.Map<String, Integer> counts)
            implements OnboardingEvent {
    }
}
