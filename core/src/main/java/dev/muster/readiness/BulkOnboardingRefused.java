package dev.muster.readiness;

import java.util.List;

/**
 * The readiness gate refused a bulk batch. Nothing of the batch was applied; retrying helps only once the
 * failing items are fixed, so this is not a retryable fault.
 */
public final class BulkOnboardingRefused extends RuntimeException {
    private final transient ReadinessGate.Decision.Refused refusal;

    public BulkOnboardingRefused(ReadinessGate.Decision.Refused refusal) {
        super(refusal.reason());
        this.refusal = refusal;
    }

    /** {@code license-expired} or {@code readiness-gate}. */
    public String code() {
        return refusal.code();
    }

    public List<ReadinessItem> failing() {
        return refusal.failing();
    }
}
