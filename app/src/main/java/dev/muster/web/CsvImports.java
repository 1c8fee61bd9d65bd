package dev.muster.web;

import dev.muster.csv.CsvImport;
import dev.muster.csv.CsvInvitations;
import dev.muster.csvimport.BackgroundImports;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Runs;
import dev.muster.organization.Page;
import org.springframework.stereotype.Component;

/**
 * Applies an admitted import for the pages: at once when it has at most {@code muster.web.csv-wait-rows} rows (the
 * next page is the result), otherwise in the background (the next page shows the progress and refreshes itself).
 */
@Component
class CsvImports {
    static final int ITEMS_PER_PAGE = 100;

    private final CsvInvitations invitations;
    private final BackgroundImports background;
    private final Runs runs;
    private final int waitRows;

    CsvImports(CsvInvitations invitations, BackgroundImports background, Runs runs, WebProperties properties) {
        this.invitations = invitations;
        this.background = background;
        this.runs = runs;
        this.waitRows = properties.csvWaitRows();
    }

    void apply(CsvImport admitted) {
        if (admitted.totalRows() - admitted.rowsDone() <= waitRows) {
            invitations.run(admitted);
        } else {
            background.start(admitted);
        }
    }

    /** Every row's outcome, from the import's run in the history. */
    Page<ItemResult> items(CsvImport csvImport, long offset) {
        return runs.items(csvImport.organizationId(), csvImport.runId(), offset, ITEMS_PER_PAGE);
    }
}
