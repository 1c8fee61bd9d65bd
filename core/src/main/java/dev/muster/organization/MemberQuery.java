package dev.muster.organization;

import java.util.Objects;

/** Filters and paging for listing members; {@code null} filters match everything. */
public record MemberQuery(OrganizationId organizationId, MemberStatus status, Role role, Source source,
                          long offset, int limit) {
    public MemberQuery {
        Objects.requireNonNull(organizationId, "organizationId");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
    }
}
