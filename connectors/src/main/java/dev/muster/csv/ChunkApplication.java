package dev.muster.csv;

import dev.muster.onboarding.Batch;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.onboarding.Onboarding;
import dev.muster.organization.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies (or plans) one chunk: its valid rows through the onboarding service as one part of the import's run,
 * its invalid rows rejected as they are, each row's outcome by its position in the file.
 */
final class ChunkApplication {
    private final Onboarding onboarding;
    private final PlannedRoles roles;

    ChunkApplication(Onboarding onboarding, PlannedRoles roles) {
        this.onboarding = onboarding;
        this.roles = roles;
    }

    /** @return the chunk's run items; adds each row's plan row to the report */
    List<ItemResult> apply(Upload upload, List<CheckedRow> chunk, boolean dryRun, ReportBuilder report) {
        List<OnboardingCommand> commands = chunk.stream().filter(CheckedRow.Valid.class::isInstance)
                .map(r -> (OnboardingCommand) RowCommands.command(((CheckedRow.Valid) r).row())).toList();
        List<ItemResult> results = commands.isEmpty() ? List.of() : onboarding.applyPart(new Batch(
                upload.organizationId(), Source.CSV, upload.actor(), commands, dryRun, upload.fileName(), null), 0);
        var items = new ArrayList<ItemResult>(chunk.size());
        int next = 0;
        for (CheckedRow row : chunk) {
            String key = RowCommands.key(row.line(), row.email());
            if (row instanceof CheckedRow.Valid valid) {
                ItemOutcome outcome = results.get(next++).outcome();
                items.add(new ItemResult(row.index(), key, outcome));
                report.add(Plans.of(valid.row(), outcome, roles.of(upload.organizationId(), valid.row(), outcome)));
            } else {
                var invalid = (CheckedRow.Invalid) row;
                items.add(new ItemResult(row.index(), key, new ItemOutcome.Rejected("invalid-row",
                        invalid.problems().stream().map(RowProblem::toString).collect(Collectors.joining("; ")))));
                report.add(Plans.rejected(invalid));
            }
        }
        return items;
    }
}
