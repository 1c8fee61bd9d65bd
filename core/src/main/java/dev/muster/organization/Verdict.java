package dev.muster.organization;

/** The answer of a guard: allowed, or denied with the rule that denies. */
public sealed interface Verdict {
    Verdict ALLOWED = new Allowed();

    record Allowed() implements Verdict {
    }

    /** @param rule a stable code for the guard, e.g. {@code owner-only} */
    record Denied(String rule, String reason) implements Verdict {
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }

    static Verdict deny(String rule, String reason) {
        return new Denied(rule, reason);
    }
}
