package dev.muster.rolerules;

import dev.muster.onboarding.RunId;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.StaleVersion;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every saved version of each organization's rule set, in the {@code role_rule_sets} table. */
@Repository
public class RuleSetVersions {
    private static final String COLUMNS = "organization_id, version, format, document, saved_at, saved_by, run_id";
    private static final RowMapper<StoredRuleSet> ROW = (rs, n) -> new StoredRuleSet(
            new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getLong("version"),
            RuleSetFormat.valueOf(rs.getString("format")), rs.getString("document"),
            rs.getObject("saved_at", OffsetDateTime.class).toInstant(), rs.getString("saved_by"),
            rs.getObject("run_id", UUID.class) == null ? null : new RunId(rs.getObject("run_id", UUID.class)));

    private final JdbcClient jdbc;

    RuleSetVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current (highest) version, if the organization saved any. */
    public Optional<StoredRuleSet> current(OrganizationId organization) {
        return jdbc.sql("select " + COLUMNS + " from role_rule_sets where organization_id = :org "
                        + "order by version desc limit 1")
                .param("org", organization.value()).query(ROW).optional();
    }

    /** The current version number, 0 when there is none. */
    public long currentVersion(OrganizationId organization) {
        return jdbc.sql("select coalesce(max(version), 0) from role_rule_sets where organization_id = :org")
                .param("org", organization.value()).query(Long.class).single();
    }

    public Optional<StoredRuleSet> find(OrganizationId organization, long version) {
        return jdbc.sql("select " + COLUMNS + " from role_rule_sets where organization_id = :org "
                        + "and version = :version")
                .param("org", organization.value()).param("version", version).query(ROW).optional();
    }

    /** Every version, newest first, without their documents' effect on anything. */
    public List<StoredRuleSet> history(OrganizationId organization, int limit) {
        return jdbc.sql("select " + COLUMNS + " from role_rule_sets where organization_id = :org "
                        + "order by version desc limit :limit")
                .param("org", organization.value()).param("limit", limit).query(ROW).list();
    }

    /**
     * Saves the next version on top of {@code expected}.
     *
     * @throws StaleVersion when the current version is not {@code expected} (somebody saved in between)
     */
    public StoredRuleSet save(StoredRuleSet next, long expected) {
        if (next.version() != expected + 1) {
            throw new IllegalArgumentException("the next version is " + (expected + 1));
        }
        if (currentVersion(next.organizationId()) != expected) {
            throw new StaleVersion("the rule set (version " + expected + ")");
        }
        try {
            jdbc.sql("insert into role_rule_sets (" + COLUMNS + ") values (:org, :version, :format, :document, "
                            + ":savedAt, :savedBy, null)")
                    .param("org", next.organizationId().value()).param("version", next.version())
                    .param("format", next.format().name()).param("document", next.document())
                    .param("savedAt", OffsetDateTime.ofInstant(next.savedAt(), ZoneOffset.UTC))
                    .param("savedBy", next.savedBy()).update();
        } catch (DuplicateKeyException e) {
            throw new StaleVersion("the rule set (version " + expected + ")");
        }
        return next;
    }

    /** Records the run that re-evaluated the members for a version. */
    public void ranAs(OrganizationId organization, long version, RunId run) {
        jdbc.sql("update role_rule_sets set run_id = :run where organization_id = :org and version = :version")
                .param("run", run.value()).param("org", organization.value()).param("version", version).update();
    }
}
