package dev.muster.provisioning;

import dev.muster.organization.OrganizationId;

import java.time.Instant;
import java.util.UUID;

/** A SCIM token as listed: never its secret. */
record ScimToken(UUID id, OrganizationId organizationId, String name, Provider provider, Instant createdAt,
                 Instant lastUsedAt, Instant revokedAt) {

    /** The identity provider the admin issued the token for; chosen by the admin, never guessed. */
    enum Provider { OKTA, ENTRA, ONELOGIN, JUMPCLOUD, GENERIC }

    boolean active() {
        return revokedAt == null;
    }
}
