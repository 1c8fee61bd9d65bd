package dev.muster.scim;

import dev.muster.onboarding.Batch;
import dev.muster.onboarding.BatchResult;

import java.util.Objects;

/**
 * What a SCIM request needs next: either the answer is known at once (reads, errors), or a batch of onboarding
 * commands must run first and its result completes the answer.
 */
public sealed interface ScimStep {

    /** The request is answered without changing anything. */
    record Respond(ScimResponse response) implements ScimStep {
        public Respond {
            Objects.requireNonNull(response, "response");
        }
    }

    /** Run {@code batch} through the onboarding service, then hand its result to {@link #complete}. */
    record Apply(Batch batch, Completion completion) implements ScimStep {
        public Apply {
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(completion, "completion");
        }

        public ScimResponse complete(BatchResult result) {
            return completion.complete(result);
        }
    }

    /** Turns the result of the onboarding run into the SCIM answer (and records the SCIM view of it). */
    @FunctionalInterface
    interface Completion {
        ScimResponse complete(BatchResult result);
    }
}
