package dev.muster.onboarding;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;

import java.util.List;
import java.util.Optional;

/** Run history: every path records its batches here, with per-item outcomes. */
public interface Runs {
    void start(Run run);

    /** Appends item results (batched). */
    void addItems(RunId run, List<ItemResult> items);

    void finish(RunId run, RunState state, java.time.Instant finishedAt, java.util.Map<String, Integer> counts,
                String error);

    Optional<Run> find(OrganizationId organization, RunId run);

    Page<Run> page(OrganizationId organization, long offset, int limit);

    Page<ItemResult> items(OrganizationId organization, RunId run, long offset, int limit);
}
