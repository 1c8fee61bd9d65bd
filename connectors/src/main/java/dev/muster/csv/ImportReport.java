package dev.muster.csv;

import java.util.List;
import java.util.Map;

/**
 * The answer to an upload or a drop-folder file: the plan of a dry run or the result of applying it, row by row.
 * A large file lists its first {@code reportRows} rows; the run history keeps every row's outcome.
 *
 * @param importId the import, {@code null} for a dry run (nothing to resume)
 * @param runId the run recording every row's outcome, {@code null} when the file was refused before any row
 * @param rows data rows in the file
 * @param counts rows by action: {@code invite}, {@code update}, {@code unchanged}, {@code rejected}
 * @param problems the problems of rejected rows (the first {@code reportRows}); {@code problemCount} counts all
 * @param refusal why the file as a whole is (or, in a dry run, would be) refused; {@code null} when it is not
 */
public record ImportReport(String importId, String runId, String organizationId, String fileName, boolean dryRun,
                           String mode, ImportState state, int rows, Map<String, Integer> counts,
                           int problemCount, List<RowProblem> problems, List<PlanRow> plan, boolean planTruncated,
                           Refusal refusal) {

    /** Why a file is refused as a whole. */
    public record Refusal(String code, String message) {
    }

    public ImportReport {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        problems = problems == null ? List.of() : List.copyOf(problems);
        plan = plan == null ? List.of() : List.copyOf(plan);
    }
}
