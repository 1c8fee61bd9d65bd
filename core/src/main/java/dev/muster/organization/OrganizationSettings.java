package dev.muster.organization;

import java.time.Duration;
import java.util.Objects;

/**
 * How an organization wants onboarding to behave.
 *
 * @param sendInvitationsOnProvisioning new people are invited at once; otherwise they are staged
 * @param removalGracePeriod time between a source deleting a person (revocation) and removal; zero removes at once
 * @param readinessGate bulk onboarding is refused while a required readiness item fails
 */
public record OrganizationSettings(boolean sendInvitationsOnProvisioning, Duration removalGracePeriod,
                                   boolean readinessGate) {
    public OrganizationSettings {
        Objects.requireNonNull(removalGracePeriod, "removalGracePeriod");
        if (removalGracePeriod.isNegative()) {
            throw new IllegalArgumentException("removalGracePeriod must not be negative");
        }
    }

    public static OrganizationSettings defaults() {
        return new OrganizationSettings(true, Duration.ofDays(7), false);
    }
}
