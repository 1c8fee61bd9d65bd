package dev.muster.ldap;

import dev.muster.onboarding.RunId;
import dev.muster.onboarding.RunState;

import java.util.Map;

/**
 * What a sync did: the run it was recorded as and how it ended.
 *
 * @param error why the run failed or waits, {@code null} when it applied or planned
 */
public record SyncResult(RunId run, RunState state, boolean full, Map<String, Integer> counts, String error) {
    public SyncResult {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }
}
