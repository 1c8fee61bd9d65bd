package dev.muster.ldap;

import dev.muster.onboarding.BatchResult;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Store;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * What a sync adds to the run history beyond the onboarding service's own record: the entries of the read that
 * were held back (as skipped items), runs whose read failed, and the end of held runs.
 */
final class SyncRuns {
    private final Store store;
    private final Clock clock;

    SyncRuns(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Adds the plan's notes to the onboarding run and returns the run as it ended. */
    SyncResult completed(OrganizationId organization, DirectoryPlan plan, BatchResult result) {
        Map<String, Integer> counts = addNotes(result, plan);
        Run run = store.runs().find(organization, result.runId()).orElseThrow();
        store.runs().finish(result.runId(), run.state(), clock.instant(), counts, run.error());
        return new SyncResult(result.runId(), run.state(), plan.full(), counts, run.error());
    }

    /** Marks a planned run as waiting for approval, with why. */
    SyncResult held(DirectoryPlan plan, BatchResult planned, String why) {
        Map<String, Integer> counts = addNotes(planned, plan);
        store.runs().finish(planned.runId(), RunState.AWAITING_APPROVAL, clock.instant(), counts, why);
        return new SyncResult(planned.runId(), RunState.AWAITING_APPROVAL, plan.full(), counts, why);
    }

    /** Records a run whose read failed: nothing was planned or changed. */
    SyncResult failed(OrganizationId organization, boolean dryRun, boolean full, String trigger, Instant started,
                      DirectoryReadFailed failure) {
        RunId id = RunId.random();
        String error = "directory read failed, nothing changed: " + failure.getMessage();
        store.runs().start(new Run(id, organization, Source.DIRECTORY, DirectorySync.ACTOR.name(),
                "directory sync: " + trigger, dryRun, RunState.FAILED, started, clock.instant(), Map.of(), error));
        return new SyncResult(id, RunState.FAILED, full, Map.of(), error);
    }

    /** Ends a held run (approved or rejected), keeping its counts. */
    void end(OrganizationId organization, RunId run, RunState state, String note) {
        Run found = store.runs().find(organization, run).orElseThrow();
        store.runs().finish(run, state, clock.instant(), found.counts(), note);
    }

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
}
