package dev.muster.csv;

import java.util.List;

/** A data row after validation: ready to apply, or rejected with every problem found in it. */
public sealed interface CheckedRow {
    int index();

    int line();

    /** The e-mail as written (possibly invalid or missing). */
    String email();

    record Valid(InvitationRow row) implements CheckedRow {
        public int index() {
            return row.index();
        }

        public int line() {
            return row.line();
        }

        public String email() {
            return row.email();
        }
    }

    record Invalid(int index, int line, String email, List<RowProblem> problems) implements CheckedRow {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid row has at least one problem");
            }
        }
    }
}
