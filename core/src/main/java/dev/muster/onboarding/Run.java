package dev.muster.onboarding;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded run of an onboarding path: state, timings and counts. Its items are read separately.
 *
 * @param error why the run failed, {@code null} otherwise
 */
public record Run(RunId id, OrganizationId organizationId, Source source, String actor, String trigger,
                  boolean dryRun, RunState state, Instant startedAt, Instant finishedAt, Map<String, Integer> counts,
                  String error) {
    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }
}
