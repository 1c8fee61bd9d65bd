package dev.muster.csv;

import dev.muster.organization.OrganizationId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of applied imports and their progress (port; the application keeps it in its database). */
public interface CsvImportLedger {
    void create(CsvImport csvImport);

    /** Records that the first {@code rowsDone} data rows are applied and their outcomes stored. */
    void progress(ImportId id, int rowsDone, Map<String, Integer> counts, Instant at);

    void finish(ImportId id, ImportState state, Map<String, Integer> counts, Instant at);

    Optional<CsvImport> find(OrganizationId organization, ImportId id);

    /** A {@code RUNNING} import of the same file (by digest) in the organization. */
    Optional<CsvImport> findUnfinished(OrganizationId organization, String digest);

    /** Every {@code RUNNING} import, oldest first. */
    List<CsvImport> unfinished();
}
