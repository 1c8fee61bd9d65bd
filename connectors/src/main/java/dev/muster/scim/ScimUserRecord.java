package dev.muster.scim;

import dev.muster.organization.OrganizationId;

import java.time.Instant;
import java.util.Objects;

/**
 * The SCIM view of one provisioned person that the member itself does not hold: the SCIM {@code id} (which is
 * also the member's SCIM identity source id), {@code userName}, {@code externalId} and the resource as last
 * accepted (for the attributes Muster keeps but does not model, such as phone numbers).
 *
 * @param displayName the User's {@code displayName} as rendered (the person's name when none was sent), for the
 *                    indexed {@code displayName eq} lookup
 * @param resource the accepted resource as JSON text, without {@code id} and {@code meta}
 * @param deleted the identity provider deleted the resource: it answers 404, the member waits for removal
 */
public record ScimUserRecord(OrganizationId organizationId, String id, String userName, String externalId,
                             String displayName, String resource, Instant created, Instant lastModified, long version,
                             boolean deleted) {
    public ScimUserRecord {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(id, "id");
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("userName must not be blank");
        }
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
