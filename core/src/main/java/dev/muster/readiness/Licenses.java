package dev.muster.readiness;

import dev.muster.organization.OrganizationId;

import java.util.Optional;

/** Storage of the license installed in each organization; installing replaces the previous one. */
public interface Licenses {
    Optional<InstalledLicense> find(OrganizationId organization);

    void install(InstalledLicense license);

    /** What the license sync last did for the organization. */
    ReadinessFacts.LicenseSyncState syncState(OrganizationId organization);
}
