package dev.muster.readiness;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contents of a signed license document: which organization it is for, the plan, the seats it pays for,
 * when it was issued and when it expires, and the features it unlocks. Verifying the signature happens before
 * a license is built; the checks that need a clock and an organization are in {@link LicenseCheck}.
 */
public record License(String licenseId, OrganizationId organizationId, Plan plan, int seats, Instant issuedAt,
                      Instant expiresAt, Set<String> features) {
    public License {
        if (licenseId == null || licenseId.isBlank()) {
            throw new IllegalArgumentException("license id must not be blank");
        }
        Objects.requireNonNull(organizationId, "license organization id");
        Objects.requireNonNull(plan, "license plan");
        if (seats < 1) {
            throw new IllegalArgumentException("license seats must be at least 1");
        }
        Objects.requireNonNull(issuedAt, "license issuedAt");
        Objects.requireNonNull(expiresAt, "license expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("license expiresAt must be after issuedAt");
        }
        features = Set.copyOf(new TreeSet<>(features == null ? Set.of() : features));
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
