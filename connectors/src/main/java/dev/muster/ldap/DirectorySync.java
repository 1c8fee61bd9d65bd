package dev.muster.ldap;

import dev.muster.onboarding.Batch;
import dev.muster.onboarding.BatchResult;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Store;
import dev.muster.organization.Actor;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Group;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * One directory sync of an organization: read (completely, or fail and change nothing), plan, check the
 * revocation thresholds, and apply through the onboarding service. A run over a threshold is held in state
 * {@code AWAITING_APPROVAL} with its plan until an admin approves or rejects it.
 */
public final class DirectorySync {
    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
    static final Actor ACTOR = Actor.system(Actor.Kind.DIRECTORY_SYNC, "directory-sync");

    private final Store store;
    private final Onboarding onboarding;
    private final Directories directories;
    private final ReadRetry retry;
    private final Clock clock;
    private final DirectoryPlanner planner = new DirectoryPlanner();
    private final Map<OrganizationId, ReentrantLock> running = new ConcurrentHashMap<>();

    /** How often a read that failed transiently is tried again within one run, and the first pause. */
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
    }

    /**
     * Reads the directory and applies (or, with {@code dryRun}, plans) what it says: a full reconciliation when
     * {@code forceFull}, when none was applied yet or when the last is older than the full-sync interval, otherwise
     * an incremental read of what changed since the last applied read.
     */
    public SyncResult sync(OrganizationId organization, boolean dryRun, boolean forceFull, String trigger) {
        DirectoryConfiguration configuration = directories.configuration(organization)
                .orElseThrow(() -> new NotConfigured(organization));
        ReentrantLock lock = running.computeIfAbsent(organization, o -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new AlreadyRunning(organization);
        }
        try {
            return syncLocked(organization, configuration, dryRun, forceFull, trigger);
        } finally {
            lock.unlock();
        }
    }

    private SyncResult syncLocked(OrganizationId organization, DirectoryConfiguration configuration, boolean dryRun,
                                  boolean forceFull, String trigger) {
        Directories.SyncMarks marks = directories.marks(organization);
        Instant now = clock.instant();
        boolean byUsn = configuration.mapping().changesByUsn();
        boolean full = forceFull || marks.lastFullRead() == null || marks.lastRead() == null
                || (byUsn && marks.lastChangeMark() == null)
                || !marks.lastFullRead().plus(configuration.fullSyncInterval()).isAfter(now);
        Instant since = full ? null : marks.lastRead().minus(configuration.changeOverlap());
        DirectorySnapshot read;
        try {
            read = readWithRetries(configuration, since, marks.lastChangeMark());
        } catch (DirectoryReadFailed e) {
            return failedRun(organization, dryRun, trigger, now, e);
        }
        DirectoryPlan plan = plan(organization, read);
        if (dryRun) {
            return record(organization, plan, onboarding.run(batch(organization, configuration, plan, true, trigger)),
                    read);
        }
        Threshold threshold = threshold(organization, configuration, plan);
        if (threshold.exceeded()) {
            return hold(organization, configuration, plan, read, trigger, threshold.describe());
        }
        SyncResult result = record(organization, plan,
                onboarding.run(batch(organization, configuration, plan, false, trigger)), read);
        directories.readApplied(organization, read);
        return result;
    }

    /** Applies a held plan as planned, or re-plans it (and asks again) when the organization changed since. */
    public SyncResult approve(OrganizationId organization, RunId run) {
        ReentrantLock lock = running.computeIfAbsent(organization, o -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new AlreadyRunning(organization);
        }
        try {
            return approveLocked(organization, run);
        } finally {
            lock.unlock();
        }
    }

    private SyncResult approveLocked(OrganizationId organization, RunId run) {
        Directories.HeldPlan held = heldPlan(organization, run);
        DirectoryConfiguration configuration = directories.configuration(organization)
                .orElseThrow(() -> new NotConfigured(organization));
        directories.release(run);
        DirectoryPlan plan = plan(organization, held.read());
        if (!OrganizationFingerprint.of(store, organization).equals(held.fingerprint())) {
            SyncResult replanned = hold(organization, configuration, plan, held.read(), held.trigger(),
                    "the organization changed since run " + run + " was planned: re-planned, approve again");
            finish(organization, run, RunState.REJECTED, "the organization changed since this plan; re-planned as run "
                    + replanned.run());
            return replanned;
        }
        SyncResult result = record(organization, plan, onboarding.run(batch(organization, configuration, plan,
                false, "approval of run " + run)), held.read());
        directories.readApplied(organization, held.read());
        finish(organization, run, RunState.APPROVED, "approved: applied as run " + result.run());
        return result;
    }

    /** Discards a held plan: nothing of it is applied. */
    public void reject(OrganizationId organization, RunId run) {
        heldPlan(organization, run);
        directories.release(run);
        finish(organization, run, RunState.REJECTED, "rejected by an admin: nothing applied");
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

    private DirectorySnapshot readWithRetries(DirectoryConfiguration configuration, Instant since, String mark) {
        Duration pause = retry.backoff();
        for (int attempt = 1; ; attempt++) {
            try (var reader = new DirectoryReader(configuration.connection(), configuration.mapping(), clock)) {
                return since == null ? reader.readAll() : reader.readChangedSince(since, mark);
            } catch (DirectoryReadFailed e) {
                if (!e.retryable() || attempt >= retry.attempts()) {
                    throw e;
                }
                log.warn("directory read failed (attempt {} of {}), retrying in {}: {}", attempt, retry.attempts(),
                        pause, e.getMessage());
                pause(pause);
                pause = pause.multipliedBy(2);
            }
        }
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

    private SyncResult hold(OrganizationId organization, DirectoryConfiguration configuration, DirectoryPlan plan,
                            DirectorySnapshot read, String trigger, String why) {
        String fingerprint = OrganizationFingerprint.of(store, organization);
        BatchResult planned = onboarding.run(batch(organization, configuration, plan, true, trigger));
        Map<String, Integer> counts = addNotes(planned, plan);
        store.runs().finish(planned.runId(), RunState.AWAITING_APPROVAL, clock.instant(), counts, why);
        directories.hold(new Directories.HeldPlan(organization, planned.runId(), read, fingerprint, trigger));
        log.warn("directory sync of organization {} held for approval as run {}: {}", organization,
                planned.runId(), why);
        return new SyncResult(planned.runId(), RunState.AWAITING_APPROVAL, plan.full(), counts, why);
    }

    private SyncResult record(OrganizationId organization, DirectoryPlan plan, BatchResult result,
                              DirectorySnapshot read) {
        Map<String, Integer> counts = addNotes(result, plan);
        Run run = store.runs().find(organization, result.runId()).orElseThrow();
        store.runs().finish(result.runId(), run.state(), clock.instant(), counts, run.error());
        return new SyncResult(result.runId(), run.state(), read.full(), counts, run.error());
    }

    /** The entries of the read that were not applied become skipped items of the run. */
    private Map<String, Integer> addNotes(BatchResult result, DirectoryPlan plan) {
        var items = new ArrayList<ItemResult>();
        int index = result.items().size();
        for (DirectoryPlan.Note note : plan.notes()) {
            items.add(new ItemResult(index++, note.key(), new ItemOutcome.Skipped(null, note.code(), note.reason())));
        }
        store.runs().addItems(result.runId(), items);
        var counts = new HashMap<>(result.counts());
        if (!items.isEmpty()) {
            counts.merge("skipped", items.size(), Integer::sum);
        }
        return counts;
    }

    private SyncResult failedRun(OrganizationId organization, boolean dryRun, String trigger, Instant started,
                                 DirectoryReadFailed e) {
        RunId id = RunId.random();
        String error = "directory read failed, nothing changed: " + e.getMessage();
        store.runs().start(new Run(id, organization, Source.DIRECTORY, ACTOR.name(), "directory sync: " + trigger,
                dryRun, RunState.FAILED, started, clock.instant(), Map.of(), error));
        log.warn("directory sync of organization {} failed as run {}: {}", organization, id, error);
        return new SyncResult(id, RunState.FAILED, true, Map.of(), error);
    }

    private Threshold threshold(OrganizationId organization, DirectoryConfiguration configuration,
                                DirectoryPlan plan) {
        long revocations = plan.revocationCandidates().stream()
                .map(id -> store.members().findByIdentity(organization, new ExternalIdentity(Source.DIRECTORY, id)))
                .filter(m -> m.isPresent() && !m.get().isRevoked()).count();
        long all = store.members().list(new MemberQuery(organization, null, null, null, 0, 1)).total();
        long revoked = store.members().list(new MemberQuery(organization, MemberStatus.REVOKED, null, null, 0, 1))
                .total();
        return new Threshold(revocations, all - revoked, configuration.maxRevocations(),
                configuration.maxRevocationPercent());
    }

    private void finish(OrganizationId organization, RunId run, RunState state, String note) {
        Run found = store.runs().find(organization, run).orElseThrow();
        store.runs().finish(run, state, clock.instant(), found.counts(), note);
    }

    private Directories.HeldPlan heldPlan(OrganizationId organization, RunId run) {
        return directories.held(organization, run).orElseThrow(() -> new NoHeldPlan(run));
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry the directory read", e);
        }
    }

    /** Revocations a plan would make against the organization's limits. */
    record Threshold(long revocations, long activeMembers, int maxRevocations, double maxPercent) {
        boolean exceeded() {
            if (revocations == 0) {
                return false;
            }
            return revocations > maxRevocations || 100.0 * revocations / Math.max(1, activeMembers) > maxPercent;
        }

        String describe() {
            return String.format(java.util.Locale.ROOT, "the run would revoke %d of %d active members, over the "
                    + "limit of %d members or %.1f%%: approve or reject it", revocations, activeMembers,
                    maxRevocations, maxPercent);
        }
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
