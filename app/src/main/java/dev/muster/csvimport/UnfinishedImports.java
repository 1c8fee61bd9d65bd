package dev.muster.csvimport;

import dev.muster.csv.CsvInvitations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Finishes, once the application is ready, the imports a previous process left running (it died or was stopped
 * in the middle of a file). Runs on a thread of its own so that a large file does not hold up the start.
 */
class UnfinishedImports {
    private final CsvInvitations invitations;

    UnfinishedImports(CsvInvitations invitations) {
        this.invitations = invitations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        var thread = new Thread(invitations::resumeUnfinished, "csv-import-resume");
        thread.setDaemon(true);
        thread.start();
    }
}
