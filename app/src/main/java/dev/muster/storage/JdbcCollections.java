package dev.muster.storage;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.GroupId;
import dev.muster.organization.Grantee;
import dev.muster.organization.MemberId;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Origin;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Collections in the {@code collections} table and the access to them in {@code collection_grants}. */
class JdbcCollections implements Collections {
    private static final String COLUMNS = "id, organization_id, name, external_id, created_at";
    private static final String GRANT_COLUMNS = "collection_id, member_id, group_id, access_level, origin";

    private static final RowMapper<Collection> ROW = (rs, n) -> new Collection(
            new CollectionId(Columns.uuid(rs, "id")), new OrganizationId(Columns.uuid(rs, "organization_id")),
            rs.getString("name"), rs.getString("external_id"), Columns.instant(rs, "created_at"));

    private static final RowMapper<CollectionGrant> GRANT = (rs, n) -> {
        UUID member = Columns.uuid(rs, "member_id");
        Grantee grantee = member != null ? new Grantee.OfMember(new MemberId(member))
                : new Grantee.OfGroup(new GroupId(Columns.uuid(rs, "group_id")));
        return new CollectionGrant(new CollectionId(Columns.uuid(rs, "collection_id")), grantee,
                Columns.enumValue(AccessLevel.class, rs, "access_level"), Columns.enumValue(Origin.class, rs, "origin"));
    };

    private final JdbcClient jdbc;

    JdbcCollections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Collection> find(OrganizationId organization, CollectionId id) {
        return jdbc.sql("select " + COLUMNS + " from collections where organization_id = :org and id = :id")
                .param("org", organization.value()).param("id", id.value()).query(ROW).optional();
    }

    @Override
    public Optional<Collection> findByName(OrganizationId organization, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from collections where organization_id = :org "
                        + "and name_key = :nameKey order by created_at, id limit 1")
                .param("org", organization.value()).param("nameKey", JdbcGroups.nameKey(name)).query(ROW).optional();
    }

    @Override
    public Collection insert(Collection collection) {
        jdbc.sql("insert into collections (id, organization_id, name, name_key, external_id, created_at) "
                        + "values (:id, :org, :name, :nameKey, :externalId, :createdAt)")
                .param("id", collection.id().value()).param("org", collection.organizationId().value())
                .param("name", collection.name()).param("nameKey", JdbcGroups.nameKey(collection.name()))
                .param("externalId", collection.externalId())
                .param("createdAt", Columns.timestamp(collection.createdAt())).update();
        return collection;
    }

    @Override
    public void delete(OrganizationId organization, CollectionId id) {
        jdbc.sql("delete from collections where organization_id = :org and id = :id")
                .param("org", organization.value()).param("id", id.value()).update();
    }

    @Override
    public List<Collection> list(OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from collections where organization_id = :org order by name_key, id")
                .param("org", organization.value()).query(ROW).list();
    }

    @Override
    public List<CollectionGrant> grants(OrganizationId organization, CollectionId collection) {
        return jdbc.sql("select " + GRANT_COLUMNS + " from collection_grants where organization_id = :org "
                        + "and collection_id = :collection order by member_id, group_id, origin")
                .param("org", organization.value()).param("collection", collection.value()).query(GRANT).list();
    }

    @Override
    public List<CollectionGrant> grantsOf(OrganizationId organization, Grantee grantee) {
        String column = grantee instanceof Grantee.OfMember ? "member_id" : "group_id";
        return jdbc.sql("select " + GRANT_COLUMNS + " from collection_grants where organization_id = :org and "
                        + column + " = :grantee order by collection_id, origin")
                .param("org", organization.value()).param("grantee", granteeId(grantee)).query(GRANT).list();
    }

    @Override
    public void grant(OrganizationId organization, CollectionGrant grant) {
        // Update first, insert when absent: the upsert both databases run the same way.
        var values = parameters(organization, grant);
        int updated = jdbc.sql("update collection_grants set access_level = :level where " + match(grant))
                .params(values).update();
        if (updated == 0) {
            jdbc.sql("insert into collection_grants (organization_id, collection_id, member_id, group_id, "
                            + "access_level, origin) values (:org, :collection, :member, :group, :level, :origin)")
                    .params(values).update();
        }
    }

    @Override
    public void revoke(OrganizationId organization, CollectionGrant grant) {
        jdbc.sql("delete from collection_grants where " + match(grant)).params(parameters(organization, grant))
                .update();
    }

    private static String match(CollectionGrant grant) {
        String column = grant.grantee() instanceof Grantee.OfMember ? "member_id = :member" : "group_id = :group";
        return "organization_id = :org and collection_id = :collection and " + column + " and origin = :origin";
    }

    private static Map<String, Object> parameters(OrganizationId organization, CollectionGrant grant) {
        var values = new HashMap<String, Object>();
        values.put("org", organization.value());
        values.put("collection", grant.collectionId().value());
        boolean toMember = grant.grantee() instanceof Grantee.OfMember;
        values.put("member", toMember ? granteeId(grant.grantee()) : null);
        values.put("group", toMember ? null : granteeId(grant.grantee()));
        values.put("level", grant.level().name());
        values.put("origin", grant.origin().name());
        return values;
    }

    private static UUID granteeId(Grantee grantee) {
        if (grantee instanceof Grantee.OfMember member) {
            return member.memberId().value();
        }
        return ((Grantee.OfGroup) grantee).groupId().value();
    }
}
