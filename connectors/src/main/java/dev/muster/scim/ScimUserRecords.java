package dev.muster.scim;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;

import java.util.Optional;

/**
 * Storage of the SCIM view of provisioned people. {@code userName} (ignoring case) and {@code externalId} are
 * unique per organization and looked up by index.
 */
public interface ScimUserRecords {

    /** The record with this SCIM id, deleted or not. */
    Optional<ScimUserRecord> find(OrganizationId organization, String id);

    /** Finds by {@code userName} ignoring case, deleted or not. */
    Optional<ScimUserRecord> findByUserName(OrganizationId organization, String userName);

    /** Finds a live record by exact {@code externalId}. */
    Optional<ScimUserRecord> findByExternalId(OrganizationId organization, String externalId);

    /** Live records whose {@code displayName} equals this one ignoring case, at most {@code limit}. */
    java.util.List<ScimUserRecord> findByDisplayName(OrganizationId organization, String displayName, int limit);

    /**
     * Inserts the record, or replaces the stored one whose version is {@code record.version() - 1}.
     *
     * @throws Taken when another record of the organization holds the userName or externalId
     */
    void save(ScimUserRecord record);

    /** Live records in the given order, only those whose member still exists. */
    Page<ScimUserRecord> list(OrganizationId organization, SortKey sortKey, boolean descending, long offset,
                              int limit);

    /** A concurrent request took the userName or externalId between the check and the write. */
    final class Taken extends RuntimeException {
        public Taken(String detail) {
            super(detail);
        }
    }

    /** The orders storage can list in by index. */
    enum SortKey { USER_NAME, EXTERNAL_ID, CREATED, LAST_MODIFIED, ID }
}
