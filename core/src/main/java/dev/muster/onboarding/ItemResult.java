package dev.muster.onboarding;

import java.util.Objects;

/** The outcome of one command of a batch, by its position and key. */
public record ItemResult(int index, String key, ItemOutcome outcome) {
    public ItemResult {
        Objects.requireNonNull(outcome, "outcome");
    }
}
