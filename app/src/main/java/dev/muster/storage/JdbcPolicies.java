package dev.muster.storage;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Policies;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Optional;

/** Policies in the {@code policies} table, one row per organization and type, settings as JSON. */
class JdbcPolicies implements Policies {
    private final JdbcClient jdbc;
    private final StorageJson json;
    private final RowMapper<Policy> row;

    JdbcPolicies(JdbcClient jdbc, StorageJson json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, n) -> new Policy(new OrganizationId(Columns.uuid(rs, "organization_id")),
                Columns.enumValue(PolicyType.class, rs, "type"), rs.getBoolean("enabled"),
                json.stringMap(rs.getString("settings")));
    }

    @Override
    public Optional<Policy> find(OrganizationId organization, PolicyType type) {
        return jdbc.sql("select organization_id, type, enabled, settings from policies "
                        + "where organization_id = :org and type = :type")
                .param("org", organization.value()).param("type", type.name()).query(row).optional();
    }

    @Override
    public List<Policy> list(OrganizationId organization) {
        return jdbc.sql("select organization_id, type, enabled, settings from policies "
                        + "where organization_id = :org order by type")
                .param("org", organization.value()).query(row).list();
    }

    @Override
    public void save(Policy policy) {
        var statement = jdbc.sql("update policies set enabled = :enabled, settings = :settings "
                        + "where organization_id = :org and type = :type")
                .param("org", policy.organizationId().value()).param("type", policy.type().name())
                .param("enabled", policy.enabled()).param("settings", json.write(policy.settings()));
        if (statement.update() == 0) {
            jdbc.sql("insert into policies (organization_id, type, enabled, settings) "
                            + "values (:org, :type, :enabled, :settings)")
                    .param("org", policy.organizationId().value()).param("type", policy.type().name())
                    .param("enabled", policy.enabled()).param("settings", json.write(policy.settings())).update();
        }
    }
}
