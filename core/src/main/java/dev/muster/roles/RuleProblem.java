package dev.muster.roles;

import java.util.Objects;

/**
 * Something wrong with a rule set, naming the rule and the field.
 *
 * @param ruleIndex the rule's position (0-based), {@code -1} for the document as a whole
 * @param rule the rule's name as far as it is known, {@code null} otherwise
 * @param field the path of the field inside the rule, such as {@code when.any[1].matches} or {@code then.role}
 */
public record RuleProblem(Severity severity, int ruleIndex, String rule, String field, String message) {
    /** Errors prevent saving; warnings are reported with the saved rule set. */
    public enum Severity { ERROR, WARNING }

    public RuleProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static RuleProblem error(int ruleIndex, String rule, String field, String message) {
        return new RuleProblem(Severity.ERROR, ruleIndex, rule, field, message);
    }

    public static RuleProblem warning(int ruleIndex, String rule, String field, String message) {
        return new RuleProblem(Severity.WARNING, ruleIndex, rule, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Where the problem is, e.g. {@code rules[2] "Finance" then.permissions}. */
    public String location() {
        if (ruleIndex < 0) {
            return field;
        }
        return "rules[" + ruleIndex + "]" + (rule == null ? "" : " \"" + rule + "\"")
                + (field.isEmpty() ? "" : " " + field);
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
