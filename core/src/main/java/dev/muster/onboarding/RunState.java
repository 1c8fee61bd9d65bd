package dev.muster.onboarding;

/**
 * Where a run is. A dry run ends {@code PLANNED}; a run over a safety threshold waits for approval and then ends
 * {@code APPROVED} (applied as a new run) or {@code REJECTED}.
 */
public enum RunState { RUNNING, PLANNED, SUCCEEDED, COMPLETED_WITH_ERRORS, FAILED, AWAITING_APPROVAL, REJECTED, APPROVED }
