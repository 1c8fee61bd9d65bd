package dev.muster.csvimport;

import dev.muster.csv.CsvImport;
import dev.muster.csv.CsvInvitations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Applies admitted imports on a thread of their own, for uploads that should not wait for a large file
 * ({@code async=true}). An import stopped by a shutdown stays running in the ledger and is finished on the next
 * start.
 */
public class BackgroundImports implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundImports.class);

    private final CsvInvitations invitations;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "csv-import");
        thread.setDaemon(true);
        return thread;
    });

    BackgroundImports(CsvInvitations invitations) {
        this.invitations = invitations;
    }

    public void start(CsvImport csvImport) {
        executor.execute(() -> {
            try {
                invitations.run(csvImport);
            } catch (RuntimeException e) {
                log.warn("CSV import {} stopped and stays to be resumed: {}", csvImport.id(), e.toString());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
