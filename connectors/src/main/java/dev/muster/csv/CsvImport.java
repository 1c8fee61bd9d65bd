package dev.muster.csv;

import dev.muster.onboarding.RunId;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An applied import as the ledger keeps it, so that an interrupted one is finished on the next start.
 *
 * @param digest SHA-256 of the file, hex: a drop-folder file seen again after a crash resumes its import
 * @param storedFile where the file is kept until its last row is applied
 * @param rowsDone data rows whose outcomes are committed; a resume starts after them
 * @param counts outcomes so far by action ({@code invite}, {@code update}, {@code unchanged}, {@code rejected})
 */
public record CsvImport(ImportId id, OrganizationId organizationId, RunId runId, String fileName, String digest,
                        String storedFile, ImportMode mode, Actor actor, int totalRows, int rowsDone,
                        Map<String, Integer> counts, ImportState state, Instant createdAt, Instant updatedAt) {
    public CsvImport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(state, "state");
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }
}
