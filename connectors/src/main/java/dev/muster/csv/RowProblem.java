package dev.muster.csv;

import java.util.Objects;

/**
 * One thing wrong with one row.
 *
 * @param line the line the row starts on in the file (the header is line 1)
 * @param column the header name of the column at fault, {@code null} when the row as a whole is wrong
 * @param code a stable code: {@code invalid-email}, {@code unknown-role}, {@code duplicate-email}, ...
 */
public record RowProblem(int line, String column, String code, String message) {
    public RowProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
