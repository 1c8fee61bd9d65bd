package dev.muster.ldap;

import dev.muster.onboarding.Batch;
import dev.muster.onboarding.BatchResult;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Store;
import dev.muster.organization.Actor;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Group;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One directory sync of an organization: read (completely, or fail and change nothing), plan, check the
 * revocation thresholds, and apply through the onboarding service. A run over a threshold is held in state
 * {@code AWAITING_APPROVAL} with its plan until an admin approves or rejects it.
 *
 * <pre>{@code
 * SyncResult result = sync.sync(organization, false, false, "schedule");
 * if (result.state() == RunState.AWAITING_APPROVAL) { ... sync.approve(organization, result.run()); }
 * }</pre>
 */
public final class DirectorySync {
    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
    static final Actor ACTOR = Actor.system(Actor.Kind.DIRECTORY_SYNC, "directory-sync");

    private final Store store;
    private final Onboarding onboarding;
    private final Directories directories;
    private final ReadRetry retry;
    private final Clock clock;
    private final SyncRuns runs;
    private final DirectoryPlanner planner = new DirectoryPlanner();
    private final Map<OrganizationId, ReentrantLock> running = new ConcurrentHashMap<>();

    /** How often a read that failed transiently is tried within one run, and the first pause (it doubles). */
    public record ReadRetry(int attempts, Duration backoff) {
        public ReadRetry {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
        }
    }

    public DirectorySync(Store store, Onboarding onboarding, Directories directories, ReadRetry retry, Clock clock) {
        this.store = store;
        this.onboarding = onboarding;
        this.directories = directories;
        this.retry = retry;
        this.clock = clock;
        this.runs = new SyncRuns(store, clock);
    }

    /**
     * Reads the directory and applies (or, with {@code dryRun}, plans) what it says: a full reconciliation when
     * {@code forceFull}, when none was applied yet or when the last is older than the full-sync interval, otherwise
     * an incremental read of what changed since the last applied read.
     */
    public SyncResult sync(OrganizationId organization, boolean dryRun, boolean forceFull, String trigger) {
        DirectoryConfiguration configuration = configuration(organization);
        return exclusively(organization, () -> syncLocked(organization, configuration, dryRun, forceFull, trigger));
    }

    /** Applies a held plan as planned, or re-plans it (and asks again) when the organization changed since. */
    public SyncResult approve(OrganizationId organization, RunId run) {
        return exclusively(organization, () -> approveLocked(organization, run));
    }

    /** Discards a held plan: nothing of it is applied. */
    public void reject(OrganizationId organization, RunId run) {
        heldPlan(organization, run);
        directories.release(run);
        runs.end(organization, run, RunState.REJECTED, "rejected by an admin: nothing applied");
    }

    /** Connects, binds, reads and maps, changing nothing. */
    public static DirectoryTestResult test(DirectoryConfiguration configuration) {
        try (var reader = new DirectoryReader(configuration.connection(), configuration.mapping())) {
            DirectorySnapshot read = reader.readAll();
            var notes = new ArrayList<DirectoryPlan.Note>();
            DirectoryPlanner.applicable(read.people(), notes);
            var warnings = new ArrayList<>(read.warnings());
            notes.forEach(n -> warnings.add(n.key() + " (" + n.code() + "): " + n.reason()));
            return new DirectoryTestResult(true, null, null, read.people().size(), read.groups().size(),
                    read.people().stream().limit(10).toList(), warnings);
        } catch (DirectoryReadFailed e) {
            return new DirectoryTestResult(false, e.getMessage(), e.resultCode(), 0, 0, List.of(), List.of());
        }
    }

    private SyncResult syncLocked(OrganizationId organization, DirectoryConfiguration configuration, boolean dryRun,
                                  boolean forceFull, String trigger) {
        Directories.SyncMarks marks = directories.marks(organization);
        Instant now = clock.instant();
        boolean full = forceFull || marks.lastFullRead() == null || marks.lastRead() == null
                || (configuration.mapping().changesByUsn() && marks.lastChangeMark() == null)
                || !marks.lastFullRead().plus(configuration.fullSyncInterval()).isAfter(now);
        Instant since = full ? null : marks.lastRead().minus(configuration.changeOverlap());
        DirectorySnapshot read;
        try {
            read = RetryingRead.read(configuration, since, marks.lastChangeMark(), retry, clock);
        } catch (DirectoryReadFailed e) {
            log.warn("directory sync of organization {} failed: {}", organization, e.getMessage());
            return runs.failed(organization, dryRun, full, trigger, now, e);
        }
        DirectoryPlan plan = plan(organization, read);
        if (dryRun) {
            return runs.completed(organization, plan, onboarding.run(batch(organization, configuration, plan, true,
                    trigger)));
        }
        RevocationThreshold threshold = RevocationThreshold.measure(store, organization, configuration, plan);
        if (threshold.exceeded()) {
            return hold(organization, configuration, plan, read, trigger, threshold.describe());
        }
        // The entries live on in the plan's commands: let the read go, so that a large sync does not hold both.
        DirectorySnapshot applied = read.withoutEntries();
        read = null;
        SyncResult result = runs.completed(organization, plan,
                onboarding.run(batch(organization, configuration, plan, false, trigger)));
        directories.readApplied(organization, applied);
        return result;
    }

    private SyncResult approveLocked(OrganizationId organization, RunId run) {
        Directories.HeldPlan held = heldPlan(organization, run);
        DirectoryConfiguration configuration = configuration(organization);
        directories.release(run);
        DirectoryPlan plan = plan(organization, held.read());
        if (!OrganizationFingerprint.of(store, organization).equals(held.fingerprint())) {
            SyncResult replanned = hold(organization, configuration, plan, held.read(), held.trigger(),
                    "the organization changed since run " + run + " was planned: re-planned, approve again");
            runs.end(organization, run, RunState.REJECTED, "the organization changed since this plan; re-planned as "
                    + "run " + replanned.run());
            return replanned;
        }
        SyncResult result = runs.completed(organization, plan, onboarding.run(batch(organization, configuration,
                plan, false, "approval of run " + run)));
        directories.readApplied(organization, held.read());
        runs.end(organization, run, RunState.APPROVED, "approved: applied as run " + result.run());
        return result;
    }

    private SyncResult hold(OrganizationId organization, DirectoryConfiguration configuration, DirectoryPlan plan,
                            DirectorySnapshot read, String trigger, String why) {
        String fingerprint = OrganizationFingerprint.of(store, organization);
        BatchResult planned = onboarding.run(batch(organization, configuration, plan, true, trigger));
        SyncResult held = runs.held(plan, planned, why);
        directories.hold(new Directories.HeldPlan(organization, planned.runId(), read, fingerprint, trigger));
        log.warn("directory sync of organization {} held for approval as run {}: {}", organization,
                planned.runId(), why);
        return held;
    }

    private DirectoryPlan plan(OrganizationId organization, DirectorySnapshot read) {
        Set<String> people = store.members().sourceIds(organization, Source.DIRECTORY);
        Set<String> groups = store.groups().list(organization).stream().map(Group::identity)
                .filter(i -> i != null && i.source() == Source.DIRECTORY).map(ExternalIdentity::sourceId)
                .collect(Collectors.toSet());
        return planner.plan(read, people, groups);
    }

    private Batch batch(OrganizationId organization, DirectoryConfiguration configuration, DirectoryPlan plan,
                        boolean dryRun, String trigger) {
        return new Batch(organization, Source.DIRECTORY, ACTOR, plan.commands(), dryRun,
                (plan.full() ? "full" : "incremental") + " directory sync: " + trigger, configuration.newMembers());
    }

    private <T> T exclusively(OrganizationId organization, Supplier<T> work) {
        ReentrantLock lock = running.computeIfAbsent(organization, o -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new AlreadyRunning(organization);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private DirectoryConfiguration configuration(OrganizationId organization) {
        return directories.configuration(organization).orElseThrow(() -> new NotConfigured(organization));
    }

    private Directories.HeldPlan heldPlan(OrganizationId organization, RunId run) {
        return directories.held(organization, run).orElseThrow(() -> new NoHeldPlan(run));
    }

    /** The organization has no directory configuration. */
    public static final class NotConfigured extends RuntimeException {
        public NotConfigured(OrganizationId organization) {
            super("organization " + organization + " has no directory configuration");
        }
    }

    /** A sync of the organization is already running. */
    public static final class AlreadyRunning extends RuntimeException {
        public AlreadyRunning(OrganizationId organization) {
            super("a directory sync of organization " + organization + " is already running");
        }
    }

    /** No plan of the organization waits for approval under that run. */
    public static final class NoHeldPlan extends RuntimeException {
        public NoHeldPlan(RunId run) {
            super("run " + run + " does not wait for approval");
        }
    }
}
