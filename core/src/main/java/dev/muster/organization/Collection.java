package dev.muster.organization;

import java.time.Instant;
import java.util.Objects;

/** A collection of shared vault items. */
public record Collection(CollectionId id, OrganizationId organizationId, String name, String externalId,
                         Instant createdAt) {
    public Collection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("collection name must not be blank");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw new IllegalArgumentException("collection name must be at most 200 characters");
        }
        if (externalId != null && externalId.length() > 300) {
            throw new IllegalArgumentException("collection externalId must be at most 300 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
