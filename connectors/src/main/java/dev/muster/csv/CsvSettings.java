package dev.muster.csv;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the import engine works.
 *
 * @param chunkSize rows applied and committed together; a resume repeats at most one chunk
 * @param reportRows rows listed in a report (the run history holds every row's outcome)
 * @param workDirectory where uploaded files are kept until their import is finished
 */
public record CsvSettings(CsvLimits limits, int chunkSize, int reportRows, Path workDirectory) {
    public CsvSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(workDirectory, "workDirectory");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1");
        }
        if (reportRows < 0) {
            throw new IllegalArgumentException("reportRows must not be negative");
        }
    }
}
