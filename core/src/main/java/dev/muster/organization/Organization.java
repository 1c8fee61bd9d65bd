package dev.muster.organization;

import java.time.Instant;
import java.util.Objects;

/**
 * A password-manager organization.
 *
 * @param seats seats currently purchased; invitations and restores consume them, staged members do not
 * @param seatLimit optional ceiling up to which seats grow automatically; {@code null} means seats never grow
 */
public record Organization(OrganizationId id, String name, Plan plan, int seats, Integer seatLimit,
                           OrganizationSettings settings, Instant createdAt, long version) {
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("name must be at most 200 characters");
        }
        if (seats < 0) {
            throw new IllegalArgumentException("seats must not be negative");
        }
        if (seatLimit != null && seatLimit < seats) {
            throw new IllegalArgumentException("seatLimit must be at least seats");
        }
    }

    public Organization withSeats(int newSeats) {
        return new Organization(id, name, plan, newSeats, seatLimit, settings, createdAt, version);
    }

    public Organization withSettings(OrganizationSettings newSettings) {
        return new Organization(id, name, plan, seats, seatLimit, newSettings, createdAt, version);
    }

    public Organization withPlan(Plan newPlan) {
        return new Organization(id, name, newPlan, seats, seatLimit, settings, createdAt, version);
    }
}
