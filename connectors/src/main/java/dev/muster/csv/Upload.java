package dev.muster.csv;

import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;

import java.util.Objects;

/**
 * A CSV file handed to the import, with who hands it and how.
 *
 * @param via how it arrived, in words for the run history ({@code upload}, {@code drop folder})
 */
public record Upload(OrganizationId organizationId, Actor actor, String fileName, ImportMode mode, String via) {
    public Upload {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(actor, "actor");
        fileName = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        mode = mode == null ? ImportMode.VALID_ROWS : mode;
        via = via == null ? "upload" : via;
    }
}
