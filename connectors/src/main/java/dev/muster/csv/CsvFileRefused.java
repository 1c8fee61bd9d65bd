package dev.muster.csv;

/**
 * The file as a whole cannot be read as an invitation list: over a limit, not UTF-8, no header, no e-mail
 * column, an unclosed quote. Nothing of it is applied.
 *
 * @see CsvLimits
 */
public final class CsvFileRefused extends RuntimeException {
    private final String code;

    public CsvFileRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable code: {@code too-many-rows}, {@code too-large}, {@code not-utf8}, {@code no-header}, ... */
    public String code() {
        return code;
    }
}
