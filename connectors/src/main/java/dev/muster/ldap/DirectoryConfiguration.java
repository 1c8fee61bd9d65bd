package dev.muster.ldap;

import dev.muster.onboarding.Batch;

import java.time.Duration;
import java.util.Objects;

/**
 * An organization's directory sync: where the directory is, how it maps, when it runs and the safety thresholds.
 *
 * @param schedule a Quartz cron expression (default every 15 minutes)
 * @param maxRevocations a run that would revoke more members than this waits for approval (default 10)
 * @param maxRevocationPercent ... or more than this percentage of the organization's active members (default 5)
 * @param fullSyncInterval time between full reconciliations; runs in between are incremental (default a day)
 * @param changeOverlap how far before the last read an incremental read starts, for clock skew (default 5 min)
 */
public record DirectoryConfiguration(DirectoryConnection connection, DirectoryMapping mapping, boolean enabled,
                                     String schedule, Batch.NewMembers newMembers, int maxRevocations,
                                     double maxRevocationPercent, Duration fullSyncInterval,
                                     Duration changeOverlap) {
    public static final String DEFAULT_SCHEDULE = "0 0/15 * * * ?";

    public DirectoryConfiguration {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(mapping, "mapping");
        if (mapping.preset() == null) {
            throw new IllegalArgumentException("mapping.preset is required: active-directory, openldap or freeipa");
        }
        schedule = schedule == null || schedule.isBlank() ? DEFAULT_SCHEDULE : schedule.strip();
        newMembers = newMembers == null ? Batch.NewMembers.ORGANIZATION_DEFAULT : newMembers;
        if (maxRevocations < 0) {
            throw new IllegalArgumentException("maxRevocations must not be negative");
        }
        if (maxRevocationPercent < 0 || maxRevocationPercent > 100) {
            throw new IllegalArgumentException("maxRevocationPercent must be between 0 and 100");
        }
        fullSyncInterval = fullSyncInterval == null ? Duration.ofDays(1) : fullSyncInterval;
        changeOverlap = changeOverlap == null ? Duration.ofMinutes(5) : changeOverlap;
        if (fullSyncInterval.isNegative() || changeOverlap.isNegative()) {
            throw new IllegalArgumentException("fullSyncInterval and changeOverlap must not be negative");
        }
    }

    /** A configuration with the default schedule and thresholds. */
    public static DirectoryConfiguration of(DirectoryConnection connection, DirectoryMapping mapping) {
        return new DirectoryConfiguration(connection, mapping, true, null, null, 10, 5.0, null, null);
    }
}
