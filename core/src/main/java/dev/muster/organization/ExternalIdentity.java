package dev.muster.organization;

import java.util.Objects;

/**
 * A person's immutable identity in one source: the SCIM resource id, the directory's
 * {@code objectGUID}/{@code entryUUID}/{@code ipaUniqueID}, or a CSV external id. Never a DN or an e-mail.
 */
public record ExternalIdentity(Source source, String sourceId) {
    public ExternalIdentity {
        Objects.requireNonNull(source, "source");
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId must not be blank");
        }
        if (sourceId.length() > 300) {
            throw new IllegalArgumentException("sourceId must be at most 300 characters");
        }
    }
}
