package dev.muster.storage;

import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Group;
import dev.muster.organization.GroupId;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Groups;
import dev.muster.organization.MemberId;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Origin;
import dev.muster.organization.Source;
import dev.muster.organization.StaleVersion;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Groups in the {@code groups} table and memberships in {@code group_members}; memberships and grants go with a
 * deleted group by cascading foreign keys.
 */
class JdbcGroups implements Groups {
    private static final String COLUMNS = "id, organization_id, name, external_id, source, source_id, created_at, "
            + "updated_at, version";

    private static final RowMapper<Group> ROW = (rs, n) -> {
        String source = rs.getString("source");
        return new Group(new GroupId(Columns.uuid(rs, "id")), new OrganizationId(Columns.uuid(rs, "organization_id")),
                rs.getString("name"), rs.getString("external_id"),
                source == null ? null : new ExternalIdentity(Source.valueOf(source), rs.getString("source_id")),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"), rs.getLong("version"));
    };

    private static final RowMapper<GroupMembership> MEMBERSHIP = (rs, n) -> new GroupMembership(
            new GroupId(Columns.uuid(rs, "group_id")), new MemberId(Columns.uuid(rs, "member_id")),
            Columns.enumValue(Origin.class, rs, "origin"));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batches;

    JdbcGroups(JdbcClient jdbc, NamedParameterJdbcOperations batches) {
        this.batches = batches;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Group> find(OrganizationId organization, GroupId id) {
        return jdbc.sql("select " + COLUMNS + " from groups where organization_id = :org and id = :id")
                .param("org", organization.value()).param("id", id.value()).query(ROW).optional();
    }

    @Override
    public Optional<Group> findByIdentity(OrganizationId organization, ExternalIdentity identity) {
        return jdbc.sql("select " + COLUMNS + " from groups where organization_id = :org and source = :source "
                        + "and source_id = :sourceId")
                .param("org", organization.value()).param("source", identity.source().name())
                .param("sourceId", identity.sourceId()).query(ROW).optional();
    }

    @Override
    public Optional<Group> findByName(OrganizationId organization, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        // Names are not unique: the oldest group with the name answers, the same one every time.
        return jdbc.sql("select " + COLUMNS + " from groups where organization_id = :org and name_key = :nameKey "
                        + "order by created_at, id limit 1")
                .param("org", organization.value()).param("nameKey", nameKey(name)).query(ROW).optional();
    }

    @Override
    public Group insert(Group group) {
        jdbc.sql("insert into groups (id, organization_id, name, name_key, external_id, source, source_id, "
                        + "created_at, updated_at, version) values (:id, :org, :name, :nameKey, :externalId, :source, "
                        + ":sourceId, :createdAt, :updatedAt, :version)")
                .params(parameters(group)).update();
        return group;
    }

    @Override
    public Group update(Group group) throws StaleVersion {
        int updated = jdbc.sql("update groups set name = :name, name_key = :nameKey, external_id = :externalId, "
                        + "source = :source, source_id = :sourceId, updated_at = :updatedAt, version = :version + 1 "
                        + "where id = :id and organization_id = :org and version = :version")
                .params(parameters(group)).update();
        if (updated == 0) {
            throw new StaleVersion("group " + group.id());
        }
        return new Group(group.id(), group.organizationId(), group.name(), group.externalId(), group.identity(),
                group.createdAt(), group.updatedAt(), group.version() + 1);
    }

    @Override
    public void delete(OrganizationId organization, GroupId id) {
        jdbc.sql("delete from groups where organization_id = :org and id = :id")
                .param("org", organization.value()).param("id", id.value()).update();
    }

    @Override
    public List<Group> list(OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from groups where organization_id = :org order by name_key, id")
                .param("org", organization.value()).query(ROW).list();
    }

    @Override
    public List<GroupMembership> memberships(OrganizationId organization, GroupId group) {
        return jdbc.sql("select group_id, member_id, origin from group_members where organization_id = :org "
                        + "and group_id = :group order by member_id, origin")
                .param("org", organization.value()).param("group", group.value()).query(MEMBERSHIP).list();
    }

    @Override
    public List<GroupMembership> membershipsOf(OrganizationId organization, MemberId member) {
        return jdbc.sql("select group_id, member_id, origin from group_members where organization_id = :org "
                        + "and member_id = :member order by group_id, origin")
                .param("org", organization.value()).param("member", member.value()).query(MEMBERSHIP).list();
    }

    @Override
    public void addMembership(OrganizationId organization, GroupMembership membership) {
        jdbc.sql("insert into group_members (organization_id, group_id, member_id, origin) "
                        + "values (:org, :group, :member, :origin) on conflict do nothing")
                .params(membership(organization, membership)).update();
    }

    @Override
    public void addMemberships(OrganizationId organization, java.util.Collection<GroupMembership> memberships) {
        if (memberships.isEmpty()) {
            return;
        }
        batches.batchUpdate("insert into group_members (organization_id, group_id, member_id, origin) "
                        + "values (:org, :group, :member, :origin) on conflict do nothing",
                memberships.stream().map(m -> new MapSqlParameterSource(membership(organization, m)))
                        .toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public void removeMembership(OrganizationId organization, GroupMembership membership) {
        jdbc.sql("delete from group_members where organization_id = :org and group_id = :group "
                        + "and member_id = :member and origin = :origin")
                .params(membership(organization, membership)).update();
    }

    private static Map<String, Object> membership(OrganizationId organization, GroupMembership membership) {
        return Map.of("org", organization.value(), "group", membership.groupId().value(),
                "member", membership.memberId().value(), "origin", membership.origin().name());
    }

    private static Map<String, Object> parameters(Group group) {
        var values = new HashMap<String, Object>();
        values.put("id", group.id().value());
        values.put("org", group.organizationId().value());
        values.put("name", group.name());
        values.put("nameKey", nameKey(group.name()));
        values.put("externalId", group.externalId());
        values.put("source", group.identity() == null ? null : group.identity().source().name());
        values.put("sourceId", group.identity() == null ? null : group.identity().sourceId());
        values.put("createdAt", Columns.timestamp(group.createdAt()));
        values.put("updatedAt", Columns.timestamp(group.updatedAt()));
        values.put("version", group.version());
        return values;
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
