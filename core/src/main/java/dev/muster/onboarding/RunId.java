package dev.muster.onboarding;

import java.util.Objects;
import java.util.UUID;

/** Identifies a run: one batch from one path, with its history. */
public record RunId(UUID value) {
    public RunId {
        Objects.requireNonNull(value, "run id");
    }

    public static RunId random() {
        return new RunId(UUID.randomUUID());
    }

    public static RunId of(String text) {
        try {
            return new RunId(UUID.fromString(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a run id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
