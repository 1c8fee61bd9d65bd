package dev.muster.readiness;

import java.util.Objects;

/**
 * One line of the readiness report.
 *
 * @param id a stable kebab-case id, e.g. {@code production-license}
 * @param step the production step (1 to 5) the item belongs to
 * @param required a failing required item closes the readiness gate
 * @param reason why the item has its status, naming what was found
 * @param fix the API call that fixes it, {@code null} when passing
 */
public record ReadinessItem(String id, int step, String title, boolean required, ReadinessStatus status,
                            String reason, String fix) {
    public ReadinessItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (step < 1 || step > 5) {
            throw new IllegalArgumentException("step must be between 1 and 5");
        }
    }

    public boolean blocks() {
        return required && status == ReadinessStatus.FAIL;
    }
}
