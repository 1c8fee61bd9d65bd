package dev.muster.organization;

import java.util.Objects;

/** Access of a member or group to a collection, tagged with who granted it. */
public record CollectionGrant(CollectionId collectionId, Grantee grantee, AccessLevel level, Origin origin) {
    public CollectionGrant {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(origin, "origin");
    }
}
