package dev.muster.provisioning;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.StaleVersion;
import dev.muster.scim.ScimUserRecord;
import dev.muster.scim.ScimUserRecords;
import dev.muster.storage.ValuesList;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SCIM view of users in {@code scim_users}. Listing joins the member's SCIM identity so that users whose member
 * was removed (after the grace period, or by an admin) are not listed.
 */
class JdbcScimUserRecords implements ScimUserRecords {
    private static final Map<SortKey, String> ORDER = Map.of(SortKey.USER_NAME, "u.user_name_key",
            SortKey.EXTERNAL_ID, "u.external_id", SortKey.CREATED, "u.created_at", SortKey.LAST_MODIFIED,
            "u.updated_at", SortKey.ID, "u.scim_id");
    private static final String LIVE = " from scim_users u where u.organization_id = :org and u.deleted = false "
            + "and u.member_id is not null";
    /** The member holding the record's SCIM identity: set on every save, cleared by the database on removal. */
    private static final String MEMBER = "(select i.member_id from member_identities i where i.organization_id = :org "
            + "and i.source = 'SCIM' and i.source_id = :id)";

    private static final RowMapper<ScimUserRecord> ROW = (rs, n) -> new ScimUserRecord(
            new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("scim_id"),
            rs.getString("user_name"), rs.getString("external_id"), rs.getString("display_name"),
            rs.getString("resource"),
            instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"), rs.getBoolean("deleted"));

    private final JdbcClient jdbc;

    JdbcScimUserRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ScimUserRecord> find(OrganizationId organization, String id) {
        return jdbc.sql("select * from scim_users where organization_id = :org and scim_id = :id")
                .param("org", organization.value()).param("id", id).query(ROW).optional();
    }

    @Override
    public Optional<ScimUserRecord> findByUserName(OrganizationId organization, String userName) {
        return jdbc.sql("select * from scim_users where organization_id = :org and user_name_key = :key")
                .param("org", organization.value()).param("key", key(userName)).query(ROW).optional();
    }

    @Override
    public Optional<ScimUserRecord> findByExternalId(OrganizationId organization, String externalId) {
        return jdbc.sql("select * from scim_users where organization_id = :org and external_id = :externalId "
                        + "and deleted = false")
                .param("org", organization.value()).param("externalId", externalId).query(ROW).optional();
    }

    @Override
    public List<ScimUserRecord> findByDisplayName(OrganizationId organization, String displayName, int limit) {
        return jdbc.sql("select u.*" + LIVE + " and u.display_name_key = :key order by u.created_at, u.scim_id "
                        + "limit :limit")
                .param("org", organization.value()).param("key", key(displayName)).param("limit", limit)
                .query(ROW).list();
    }

    @Override
    public void save(ScimUserRecord record) {
        var values = new HashMap<String, Object>();
        values.put("org", record.organizationId().value());
        values.put("id", record.id());
        values.put("userName", record.userName());
        values.put("key", key(record.userName()));
        values.put("externalId", record.externalId());
        values.put("resource", record.resource());
        values.put("displayName", record.displayName());
        values.put("displayKey", record.displayName() == null ? null : key(record.displayName()));
        values.put("deleted", record.deleted());
        values.put("created", timestamp(record.created()));
        values.put("updated", timestamp(record.lastModified()));
        values.put("version", record.version());
        if (record.version() == 0) {
            // a new record (a created user's fresh id): nothing to update, so insert at once
            try {
                insert(values);
            } catch (DuplicateKeyException e) {
                throw taken(record);
            }
            return;
        }
        int updated;
        try {
            updated = update(values);
        } catch (DuplicateKeyException e) {
            throw taken(record);
        }
        if (updated == 1) {
            return;
        }
        if (find(record.organizationId(), record.id()).isPresent()) {
            throw new StaleVersion("SCIM user " + record.id());
        }
        try {
            insert(values);
        } catch (DuplicateKeyException e) {
            throw taken(record);
        }
    }

    private static Taken taken(ScimUserRecord record) {
        return new Taken("userName '" + record.userName() + "' or externalId '" + record.externalId()
                + "' was taken by a concurrent request");
    }

    private int update(Map<String, Object> values) {
        return jdbc.sql("update scim_users set user_name = :userName, user_name_key = :key, "
                        + "external_id = :externalId, display_name = :displayName, display_name_key = :displayKey, "
                        + "resource = :resource, deleted = :deleted, member_id = " + MEMBER + ", "
                        + "created_at = :created, updated_at = :updated, version = :version "
                        + "where organization_id = :org and scim_id = :id and version = :version - 1")
                .params(values).update();
    }

    private void insert(Map<String, Object> values) {
        jdbc.sql("insert into scim_users (organization_id, scim_id, user_name, user_name_key, external_id, "
                        + "display_name, display_name_key, resource, deleted, created_at, updated_at, version, "
                        + "member_id) values (:org, :id, :userName, :key, :externalId, :displayName, :displayKey, "
                        + ":resource, :deleted, :created, :updated, :version, " + MEMBER + ")")
                .params(values).update();
    }

    @Override
    public Page<ScimUserRecord> list(OrganizationId organization, SortKey sortKey, boolean descending, long offset,
                                     int limit) {
        long total = jdbc.sql("select count(*)" + LIVE).param("org", organization.value()).query(Long.class)
                .single();
        // the page's ids first, from the index alone (scim_users_listed for the default order), then their rows
        List<String> ids = jdbc.sql(pageIds(sortKey, descending))
                .param("org", organization.value()).param("limit", limit).param("offset", offset)
                .query(String.class).list();
        var byId = new HashMap<String, ScimUserRecord>();
        if (!ids.isEmpty()) {
            var values = new java.util.ArrayList<Object>(ids);
            values.add(organization.value());
            jdbc.sql("select u.* from " + ValuesList.of(ids.size(), "page", "scim_id")
                            + " join scim_users u on u.scim_id = page.scim_id and u.organization_id = ?")
                    .params(values).query(ROW).list().forEach(r -> byId.put(r.id(), r));
        }
        List<ScimUserRecord> items = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        return new Page<>(items, total, offset, limit);
    }

    /**
     * The ids of one page, in order. {@code organization_id} and {@code deleted} are the same on every row; naming
     * them first lets H2 see that {@code scim_users_listed} is already in the default order (it does not skip
     * leading columns fixed by the condition), so it walks that index and reads no rows.
     */
    static String pageIds(SortKey sortKey, boolean descending) {
        String direction = descending ? " desc" : " asc";
        return "select u.scim_id" + LIVE + " order by u.organization_id" + direction + ", u.deleted" + direction
                + ", " + ORDER.get(sortKey) + direction + ", u.scim_id" + direction + " limit :limit offset :offset";
    }

    private static String key(String userName) {
        return userName.strip().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
