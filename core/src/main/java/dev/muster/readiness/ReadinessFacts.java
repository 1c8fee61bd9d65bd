package dev.muster.readiness;

import dev.muster.organization.Organization;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the readiness rules look at, read once per report from storage.
 *
 * @param license the installed license, {@code null} when none is
 * @param serverUrl the validated server URL the clients are configured for, {@code null} when not set
 */
public record ReadinessFacts(Organization organization, Instant now, InstalledLicense license, long occupiedSeats,
                             LicenseSyncState sync, TrialData trial, List<Policy> policies, RoleFacts roles,
                             SharedData shared, String serverUrl) {
    public ReadinessFacts {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(trial, "trial");
        policies = List.copyOf(policies);
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(shared, "shared");
    }

    /**
     * @param configured a sync URL and installation key are configured
     * @param lastSuccess when the license was last fetched and applied, {@code null} if never
     * @param lastFailure when the last failed attempt happened, {@code null} if none
     * @param lastError why the last attempt failed
     */
    public record LicenseSyncState(boolean configured, Instant lastSuccess, Instant lastFailure, String lastError) {
        public static LicenseSyncState notConfigured() {
            return new LicenseSyncState(false, null, null, null);
        }
    }

    /**
     * @param upgradedFromTrial the organization was moved from trial to production by an upgrade
     * @param lastPurge when test data was last purged, {@code null} if never
     * @param remaining collections, groups and members still marked as test data
     */
    public record TrialData(boolean upgradedFromTrial, Instant lastPurge, long remaining) {
    }

    /**
     * @param membersWithoutRule active members below admin whose role came from no rule and no admin's hand
     */
    public record RoleFacts(long confirmedOwners, long admins, long customMembers, long membersWithoutRule) {
    }

    /** Collections and groups, named where something is missing. */
    public record SharedData(int collections, List<String> collectionsWithoutAccess, int groups,
                             List<String> groupsWithoutCollections) {
        public SharedData {
            collectionsWithoutAccess = List.copyOf(collectionsWithoutAccess);
            groupsWithoutCollections = List.copyOf(groupsWithoutCollections);
        }
    }

    public Optional<Policy> enabledPolicy(PolicyType type) {
        return policies.stream().filter(p -> p.type() == type && p.enabled()).findFirst();
    }

    /** The path prefix of this organization's API, for fixes. */
    String api() {
        return "/api/organizations/" + organization.id();
    }
}
