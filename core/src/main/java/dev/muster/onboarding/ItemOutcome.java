package dev.muster.onboarding;

import java.util.List;
import java.util.Objects;

/** What one command of a batch did (or would do, in a dry run). */
public sealed interface ItemOutcome {

    /** @param subject the id of the member or group the item concerns */
    record Applied(String subject, List<Change> changes) implements ItemOutcome {
        public Applied {
            changes = List.copyOf(changes);
            if (changes.isEmpty()) {
                throw new IllegalArgumentException("an applied item has at least one change");
            }
        }
    }

    record Unchanged(String subject) implements ItemOutcome {
    }

    /**
     * Nothing was done, for a business reason that is not an error in the input (seat limit, protected owner,
     * policy, duplicate e-mail).
     *
     * @param code a stable code such as {@code seat-limit}, {@code protected-owner}
     */
    record Skipped(String subject, String code, String reason) implements ItemOutcome {
        public Skipped {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The input is wrong: nothing was done. */
    record Rejected(String code, String reason) implements ItemOutcome {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The item failed on a fault (storage, concurrency); retrying may help. */
    record Failed(String reason, boolean retryable) implements ItemOutcome {
    }

    default String label() {
        // Java 17: no pattern matching for switch yet.
        if (this instanceof Applied) {
            return "applied";
        } else if (this instanceof Unchanged) {
            return "unchanged";
        } else if (this instanceof Skipped) {
            return "skipped";
        } else if (this instanceof Rejected) {
            return "rejected";
        }
        return "failed";
    }
}
