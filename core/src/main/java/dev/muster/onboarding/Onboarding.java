package dev.muster.onboarding;

import dev.muster.organization.Actor;
import dev.muster.organization.Invitations;
import dev.muster.organization.Member;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.StaleVersion;
import dev.muster.readiness.BulkOnboardingRefused;
import dev.muster.readiness.ReadinessGate;
import dev.muster.roles.RoleRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The single entry point of the three onboarding paths. Each batch becomes a recorded run; each command is
 * applied on its own (one bad item never rolls back the others) and yields an {@link ItemOutcome}. A dry run
 * executes the same steps in a transaction that is rolled back, so its plan is exactly what applying would do.
 *
 * <p>Applying commits up to {@value #GROUP} consecutive items together: each item runs in a savepoint of the
 * group's transaction, so a failing item undoes only itself, and the group's events are published once it has
 * committed. Should the commit itself fail, nothing of the group is kept and its items are applied again, each
 * in a transaction of its own. This saves a commit (a log flush) per item, which is what bounds large imports.
 *
 * <pre>{@code
 * BatchResult result = onboarding.run(new Batch(org, Source.CSV, actor, commands, true, "staff.csv", null));
 * }</pre>
 */
public final class Onboarding {
    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);
    private static final int ATTEMPTS = 3;
    static final int GROUP = 100;

    private final Store store;
    private final DomainEvents events;
    private final Clock clock;
    private final PersonSteps people;
    private final PersonStatusSteps statuses;
    private final GroupSteps groups;
    private final ReadinessGate gate;
    private final RepeatedCommands repeated;

    /**
     * @param rules the rule set of an organization (the role-rules store; "everyone is USER" when it has none)
     */
    public Onboarding(Store store, Function<OrganizationId, RoleRules> rules, Invitations invitations,
                      DomainEvents events, Clock clock) {
        this(store, rules, invitations, events, clock, null);
    }

    /**
     * @param gate asked before every bulk batch (see {@link ReadinessGate}); {@code null} gates nothing
     */
    public Onboarding(Store store, Function<OrganizationId, RoleRules> rules, Invitations invitations,
                      DomainEvents events, Clock clock, ReadinessGate gate) {
        this.gate = gate;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.repeated = new RepeatedCommands(store, rules);
        var ruleApplication = new RuleApplication(rules);
        var lifecycle = new Lifecycle();
        this.people = new PersonSteps(ruleApplication, lifecycle, invitations);
        this.statuses = new PersonStatusSteps(lifecycle, ruleApplication);
        this.groups = new GroupSteps(statuses);
    }

    /**
     * Applies (or plans) a batch and records it as a run.
     *
     * @throws BulkOnboardingRefused when the readiness gate refuses a bulk batch (recorded as a failed run;
     *                               nothing is applied)
     */
    public BatchResult run(Batch batch) {
        Organization organization = store.organizations().find(batch.organizationId())
                .orElseThrow(() -> new UnknownOrganization(batch.organizationId()));
        RunId runId = RunId.random();
        Instant started = clock.instant();
        try (var orgContext = MDC.putCloseable("org", organization.id().toString());
             var runContext = MDC.putCloseable("run", runId.toString())) {
            return run(batch, organization, runId, started);
        }
    }

    private BatchResult run(Batch batch, Organization organization, RunId runId, Instant started) {
        store.runs().start(new Run(runId, organization.id(), batch.source(), batch.actor().name(), batch.trigger(),
                batch.dryRun(), RunState.RUNNING, started, null, null, null));
        if (!batch.dryRun() && gate != null && gate.admit(organization, batch.source(),
                BulkSize.people(store, organization.id(), batch)) instanceof ReadinessGate.Decision.Refused refused) {
            store.runs().finish(runId, RunState.FAILED, clock.instant(), null, refused.reason());
            log.warn("run {} refused by the readiness gate: {}", runId, refused.reason());
            throw new BulkOnboardingRefused(refused);
        }
        List<ItemResult> items;
        try {
            items = batch.dryRun()
                    ? store.transactions().rolledBack(() -> applyAll(batch, runId))
                    : applyAll(batch, runId);
        } catch (RuntimeException e) {
            store.runs().finish(runId, RunState.FAILED, clock.instant(), null, e.getMessage());
            throw e;
        }
        var result = new BatchResult(runId, batch.dryRun(), items);
        store.runs().addItems(runId, items);
        store.runs().finish(runId, finalState(batch, items), clock.instant(), result.counts(), null);
        log.info("run {} of organization {} ({}, {}) finished: {}", runId, organization.id(), batch.source(),
                batch.dryRun() ? "dry run" : "applied", result.counts());
        if (!batch.dryRun()) {
            events.publish(new OnboardingEvent.BatchCompleted(organization.id(), runId, result.counts()));
        }
        return result;
    }

    /**
     * Applies (or plans) a part of a larger run that the caller records itself, such as one chunk of a large CSV
     * import: the same per-item steps as {@link #run(Batch)}, without starting or finishing a run of its own.
     *
     * @param firstIndex the index the first command has in the whole run
     * @return the item results, for the caller to append to its run
     */
    public List<ItemResult> applyPart(Batch batch, int firstIndex) {
        store.organizations().find(batch.organizationId())
                .orElseThrow(() -> new UnknownOrganization(batch.organizationId()));
        try (var orgContext = MDC.putCloseable("org", batch.organizationId().toString())) {
            return batch.dryRun()
                    ? store.transactions().rolledBack(() -> applyFrom(batch, firstIndex))
                    : applyFrom(batch, firstIndex);
        }
    }

    /**
     * Asks the readiness gate about a bulk batch the caller applies in parts ({@link #applyPart}, which does not
     * ask): call it once, with all the people of the whole batch, before the first part.
     *
     * @param people the people the whole batch brings in (CSV rows; new people of a directory sync)
     * @throws BulkOnboardingRefused when the gate refuses; nothing has been applied
     */
    public void admitBulk(OrganizationId organizationId, dev.muster.organization.Source source, int people) {
        if (gate == null) {
            return;
        }
        Organization organization = store.organizations().find(organizationId)
                .orElseThrow(() -> new UnknownOrganization(organizationId));
        if (gate.admit(organization, source, people) instanceof ReadinessGate.Decision.Refused refused) {
            throw new BulkOnboardingRefused(refused);
        }
    }

    /** Removes revoked members whose grace period has passed; returns how many were removed. */
    public int removeDue() {
        Instant now = clock.instant();
        int removed = 0;
        for (Member member : store.members().dueForRemoval(now, 500)) {
            Organization organization = store.organizations().find(member.organizationId()).orElseThrow();
            var batch = new Batch(organization.id(), dev.muster.organization.Source.MANUAL,
                    Actor.system(Actor.Kind.SYSTEM, "removal-after-grace"), List.of(), false, "grace period", null);
            var item = new Item(store, batch, organization, now);
            store.transactions().inTransaction(() -> {
                PersonStatusSteps.remove(item, member, "grace period after deletion at the source passed");
                return null;
            });
            item.events.forEach(events::publish);
            removed++;
        }
        return removed;
    }

    private List<ItemResult> applyAll(Batch batch, RunId runId) {
        return applyFrom(batch, 0);
    }

    private List<ItemResult> applyFrom(Batch batch, int firstIndex) {
        var results = new ArrayList<ItemResult>(batch.commands().size());
        List<OnboardingCommand> commands = batch.commands();
        RepeatedCommands.InBatch repeats = repeated.forBatch(batch);
        for (int from = 0; from < commands.size(); from += GROUP) {
            int to = Math.min(commands.size(), from + GROUP);
            if (repeats != null) {
                repeats.prepare(commands.subList(from, to));
            }
            var events = new ArrayList<OnboardingEvent>();
            results.addAll(applyGroup(batch, firstIndex, from, to, events, repeats));
            events.forEach(this.events::publish);
        }
        return results;
    }

    /** Items {@code from..to-1} committed together, or one by one when the group's commit fails. */
    private List<ItemResult> applyGroup(Batch batch, int firstIndex, int from, int to, List<OnboardingEvent> events,
                                        RepeatedCommands.InBatch repeats) {
        if (batch.dryRun() || to - from == 1) {
            return applyRange(batch, firstIndex, from, to, events, repeats);
        }
        var grouped = new ArrayList<OnboardingEvent>();
        try {
            List<ItemResult> results = store.transactions().inTransaction(
                    () -> applyRange(batch, firstIndex, from, to, grouped, repeats));
            events.addAll(grouped);
            return results;
        } catch (UnknownOrganization e) {
            throw e;
        } catch (RuntimeException groupFailed) {
            log.warn("items {} to {} could not be committed together; applying them one by one", firstIndex + from,
                    firstIndex + to - 1, groupFailed);
            var results = new ArrayList<ItemResult>(to - from);
            for (int i = from; i < to; i++) {
                results.addAll(applyRange(batch, firstIndex, i, i + 1, events, repeats));
            }
            return results;
        }
    }

    private List<ItemResult> applyRange(Batch batch, int firstIndex, int from, int to, List<OnboardingEvent> events,
                                        RepeatedCommands.InBatch repeats) {
        var results = new ArrayList<ItemResult>(to - from);
        List<OnboardingCommand> commands = batch.commands();
        var organization = new KnownOrganization();
        for (int i = from; i < to; i++) {
            OnboardingCommand command = commands.get(i);
            String fingerprint = repeats == null ? null : repeats.fingerprint(command);
            ItemOutcome outcome = repeats == null ? null : repeats.repeated(command, fingerprint).orElse(null);
            if (outcome == null) {
                outcome = applyOne(batch, command, events, repeats, fingerprint, organization);
            }
            if (repeats != null) {
                repeats.after(command, outcome);
            }
            results.add(new ItemResult(firstIndex + i, command.key(), outcome));
        }
        return results;
    }

    /**
     * The organization as the last item of the same range left it, in the same transaction: the next item starts
     * from it instead of reading it again. Forgotten whenever an item does not complete (its savepoint rolled back).
     */
    private static final class KnownOrganization {
        Organization value;
    }

    private ItemOutcome applyOne(Batch batch, OnboardingCommand command, List<OnboardingEvent> events,
                                 RepeatedCommands.InBatch repeats, String fingerprint, KnownOrganization known) {
        for (int attempt = 1; ; attempt++) {
            Item[] item = new Item[1];
            Organization start = known.value;
            known.value = null;
            try {
                ItemOutcome outcome = store.transactions().inTransaction(() -> {
                    Organization organization = start != null ? start : store.organizations()
                            .find(batch.organizationId())
                            .orElseThrow(() -> new UnknownOrganization(batch.organizationId()));
                    item[0] = new Item(store, batch, organization, clock.instant());
                    ItemOutcome done = dispatch(item[0], command);
                    if (repeats != null) {
                        repeats.record(item[0], command, fingerprint, done);
                    }
                    return done;
                });
                known.value = item[0].organization;
                if (!batch.dryRun()) {
                    events.addAll(item[0].events);
                }
                return outcome;
            } catch (Item.Abort abort) {
                return abort.outcome;
            } catch (StaleVersion e) {
                if (attempt >= ATTEMPTS) {
                    return new ItemOutcome.Failed(e.getMessage() + " (after " + ATTEMPTS + " attempts)", true);
                }
            } catch (IllegalArgumentException e) {
                return new ItemOutcome.Rejected("invalid-value", e.getMessage());
            } catch (dev.muster.organization.Member.IllegalTransition e) {
                return new ItemOutcome.Rejected("illegal-transition", e.getMessage());
            } catch (UnknownOrganization e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn("item {} failed", command.key(), e);
                return new ItemOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
            }
        }
    }

    private ItemOutcome dispatch(Item item, OnboardingCommand command) {
        if (command instanceof OnboardingCommand.UpsertPerson c) {
            return people.upsert(item, c);
        } else if (command instanceof OnboardingCommand.DeactivatePerson c) {
            return statuses.deactivate(item, c.sourceId());
        } else if (command instanceof OnboardingCommand.ReactivatePerson c) {
            return statuses.reactivate(item, c.sourceId());
        } else if (command instanceof OnboardingCommand.DeletePerson c) {
            return statuses.delete(item, c.sourceId());
        } else if (command instanceof OnboardingCommand.ReevaluateMember c) {
            return statuses.reevaluate(item, c.memberId());
        } else if (command instanceof OnboardingCommand.UpsertGroup c) {
            return groups.upsert(item, c);
        } else if (command instanceof OnboardingCommand.DeleteGroup c) {
            return groups.delete(item, c);
        } else if (command instanceof OnboardingCommand.SetGroupMembers c) {
            return groups.setMembers(item, c);
        }
        throw new IllegalStateException("unknown command " + command);
    }

    private static RunState finalState(Batch batch, List<ItemResult> items) {
        if (batch.dryRun()) {
            return RunState.PLANNED;
        }
        boolean faults = items.stream().anyMatch(i -> i.outcome() instanceof ItemOutcome.Failed
                || i.outcome() instanceof ItemOutcome.Rejected);
        return faults ? RunState.COMPLETED_WITH_ERRORS : RunState.SUCCEEDED;
    }

    /** The batch names an organization that does not exist. */
    public static final class UnknownOrganization extends RuntimeException {
        public UnknownOrganization(OrganizationId id) {
            super("no organization " + id);
        }
    }
}
