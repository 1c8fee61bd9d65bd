package dev.muster.csv;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one row does (applied) or would do (dry run), and why.
 *
 * @param role the role the row asks for, the role it changes to, or {@code rules} when the role rules decide
 * @param groups the groups the row names
 * @param collections the collection grants the row names, as {@code name:access}
 * @param why the changes or the reasons, in words
 * @param problems what is wrong with a rejected row, each with line and column
 */
public record PlanRow(int line, String email, Action action, String role, List<String> groups,
                      List<String> collections, List<String> why, List<RowProblem> problems) {

    /** The four things a row can do. */
    public enum Action {
        INVITE, UPDATE, UNCHANGED, REJECTED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PlanRow {
        Objects.requireNonNull(action, "action");
        groups = groups == null ? List.of() : List.copyOf(groups);
        collections = collections == null ? List.of() : List.copyOf(collections);
        why = why == null ? List.of() : List.copyOf(why);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
