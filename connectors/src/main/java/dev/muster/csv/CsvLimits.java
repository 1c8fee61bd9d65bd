package dev.muster.csv;

/**
 * How large a CSV file may be. Beyond either limit the whole file is refused with an error naming the limit.
 *
 * @param maxRows data rows after the header
 * @param maxBytes size of the file as uploaded
 */
public record CsvLimits(int maxRows, long maxBytes) {
    public static final CsvLimits DEFAULTS = new CsvLimits(100_000, 20L * 1024 * 1024);

    public CsvLimits {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
    }
}
