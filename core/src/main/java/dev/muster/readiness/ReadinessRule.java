package dev.muster.readiness;

import java.util.Objects;
import java.util.function.Function;

/** One named readiness rule: reads the facts and says pass, warn or fail with the reason and the fix. */
public record ReadinessRule(String id, int step, String title, boolean required,
                            Function<ReadinessFacts, Finding> check) {
    public ReadinessRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(check, "check");
    }

    /** What a rule found; {@code fix} is the call that fixes it, {@code null} on a pass. */
    public record Finding(ReadinessStatus status, String reason, String fix) {
        static Finding pass(String reason) {
            return new Finding(ReadinessStatus.PASS, reason, null);
        }

        static Finding warn(String reason, String fix) {
            return new Finding(ReadinessStatus.WARN, reason, fix);
        }

        static Finding fail(String reason, String fix) {
            return new Finding(ReadinessStatus.FAIL, reason, fix);
        }
    }

    public ReadinessItem evaluate(ReadinessFacts facts) {
        Finding finding = check.apply(facts);
        return new ReadinessItem(id, step, title, required, finding.status(), finding.reason(), finding.fix());
    }
}
