package dev.muster.readiness.web;

import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.MemberAdministration;
import dev.muster.onboarding.OnboardingEvent;
import dev.muster.organization.Actor;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Policies;
import dev.muster.organization.PolicyType;
import dev.muster.readiness.AccountRecoveryEnrollment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Account recovery with automatic enrollment: a member who accepts while the policy enrolls automatically is
 * enrolled (member attribute {@value AccountRecoveryEnrollment#ENROLLED_ATTRIBUTE}), audited as the policy's
 * change.
 */
@Component
class AutomaticEnrollment {
    private static final Logger log = LoggerFactory.getLogger(AutomaticEnrollment.class);
    private final Policies policies;
    private final MemberAdministration administration;

    AutomaticEnrollment(Policies policies, MemberAdministration administration) {
        this.policies = policies;
        this.administration = administration;
    }

    @EventListener
    void onAccepted(OnboardingEvent.MemberStatusChanged event) {
        if (event.status() != MemberStatus.ACCEPTED) {
            return;
        }
        var policy = policies.find(event.organizationId(), PolicyType.ACCOUNT_RECOVERY).orElse(null);
        if (!AccountRecoveryEnrollment.automatic(policy)) {
            return;
        }
        // The acceptance has committed; a failed enrollment must not undo it, it shows as NOT_ENROLLED instead.
        try {
            var outcome = administration.setAttributes(event.organizationId(), Actor.system(Actor.Kind.POLICY,
                    PolicyType.ACCOUNT_RECOVERY.name()), event.memberId(),
                    Map.of(AccountRecoveryEnrollment.ENROLLED_ATTRIBUTE, "true"));
            if (!(outcome instanceof ItemOutcome.Applied || outcome instanceof ItemOutcome.Unchanged)) {
                log.warn("member {} not enrolled in account recovery: {}", event.memberId(), outcome);
            }
        } catch (RuntimeException e) {
            log.warn("member {} not enrolled in account recovery", event.memberId(), e);
        }
    }
}
