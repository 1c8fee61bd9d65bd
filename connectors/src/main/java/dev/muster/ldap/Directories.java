package dev.muster.ldap;

import dev.muster.onboarding.RunId;
import dev.muster.organization.OrganizationId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of directory configurations, sync progress and plans waiting for approval. */
public interface Directories {
    Optional<DirectoryConfiguration> configuration(OrganizationId organization);

    /** Organizations with an enabled directory configuration, for scheduling. */
    List<OrganizationId> configured();

    SyncMarks marks(OrganizationId organization);

    /** Records a read that was applied: the next incremental read starts from its start time (or change mark). */
    void readApplied(OrganizationId organization, DirectorySnapshot read);

    void hold(HeldPlan plan);

    Optional<HeldPlan> held(OrganizationId organization, RunId run);

    void release(RunId run);

    /**
     * How far the organization's sync has come.
     *
     * @param lastFullRead start of the last applied full read, {@code null} if there was none
     * @param lastRead start of the last applied read of either kind
     * @param lastChangeMark the change mark (AD highestCommittedUSN) of that read, {@code null} if none
     */
    record SyncMarks(Instant lastFullRead, Instant lastRead, String lastChangeMark) {
        public static final SyncMarks NONE = new SyncMarks(null, null, null);
    }

    /**
     * A plan over a threshold, waiting for an admin: the read it came from and the state of the organization it
     * was planned against.
     */
    record HeldPlan(OrganizationId organization, RunId run, DirectorySnapshot read, String fingerprint,
                    String trigger) {
    }
}
