package dev.muster.organization;

import java.time.Instant;
import java.util.Objects;

/**
 * A group of members with access to collections.
 *
 * @param externalId links the group to an identity provider or directory group (at most 300 characters)
 * @param identity the source and immutable id this group is managed by, {@code null} for a manual group
 */
public record Group(GroupId id, OrganizationId organizationId, String name, String externalId,
                    ExternalIdentity identity, Instant createdAt, Instant updatedAt, long version) {
    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("group name must not be blank");
        }
        name = name.strip();
        if (name.length() > 100) {
            throw new IllegalArgumentException("group name must be at most 100 characters");
        }
        if (externalId != null && externalId.length() > 300) {
            throw new IllegalArgumentException("group externalId must be at most 300 characters");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static Group newGroup(OrganizationId organizationId, String name, String externalId,
                                 ExternalIdentity identity, Instant now) {
        return new Group(GroupId.random(), organizationId, name, externalId, identity, now, now, 0);
    }

    public Group renamed(String newName, String newExternalId, Instant now) {
        return new Group(id, organizationId, newName, newExternalId, identity, createdAt, now, version);
    }

    public Group withIdentity(ExternalIdentity newIdentity, Instant now) {
        return new Group(id, organizationId, name, externalId, newIdentity, createdAt, now, version);
    }
}
