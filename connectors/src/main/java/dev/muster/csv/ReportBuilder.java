package dev.muster.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects a report while rows stream past, keeping at most {@code limit} rows and problems. */
final class ReportBuilder {
    private final int limit;
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<PlanRow> plan = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private int problemCount;
    private boolean truncated;

    ReportBuilder(int limit, Map<String, Integer> countsSoFar) {
        this.limit = limit;
        for (PlanRow.Action action : PlanRow.Action.values()) {
            counts.put(action.label(), 0);
        }
        counts.putAll(countsSoFar);
    }

    void add(PlanRow row) {
        counts.merge(row.action().label(), 1, Integer::sum);
        if (plan.size() < limit) {
            plan.add(row);
        } else {
            truncated = true;
        }
        problemCount += row.problems().size();
        for (RowProblem problem : row.problems()) {
            if (problems.size() < limit) {
                problems.add(problem);
            }
        }
    }

    void addProblems(List<RowProblem> rowProblems) {
        problemCount += rowProblems.size();
        rowProblems.stream().limit(Math.max(0, limit - problems.size())).forEach(problems::add);
    }

    Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    int rejected() {
        return counts.get(PlanRow.Action.REJECTED.label());
    }

    ImportReport build(String importId, String runId, Upload upload, boolean dryRun, ImportState state, int rows,
                       ImportReport.Refusal refusal) {
        return new ImportReport(importId, runId, upload.organizationId().toString(), upload.fileName(), dryRun,
                upload.mode().label(), state, rows, counts, problemCount, problems, plan, truncated, refusal);
    }
}
