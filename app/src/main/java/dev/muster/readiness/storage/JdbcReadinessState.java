package dev.muster.readiness.storage;

import dev.muster.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Rows of {@code organization_readiness} and {@code test_data_marks}. */
@Repository
public class JdbcReadinessState {
    /** What a test-data mark names. */
    public enum Kind { COLLECTION, GROUP, MEMBER }

    /** The readiness state of one organization; absent values are {@code null}. */
    public record State(Instant upgradedAt, Instant lastPurgeAt, String serverUrl) {
    }

    private final JdbcClient jdbc;

    JdbcReadinessState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public State state(OrganizationId organization) {
        return jdbc.sql("select upgraded_at, last_purge_at, server_url from organization_readiness "
                        + "where organization_id = :org").param("org", organization.value())
                .query((rs, n) -> new State(instant(rs.getObject(1, OffsetDateTime.class)),
                        instant(rs.getObject(2, OffsetDateTime.class)), rs.getString(3))).optional()
                .orElse(new State(null, null, null));
    }

    public void upgraded(OrganizationId organization, Instant at) {
        set(organization, "upgraded_at", at.atOffset(ZoneOffset.UTC));
    }

    public void purged(OrganizationId organization, Instant at) {
        set(organization, "last_purge_at", at.atOffset(ZoneOffset.UTC));
    }

    public void serverUrl(OrganizationId organization, String url) {
        set(organization, "server_url", url);
    }

    public Optional<String> serverUrl(OrganizationId organization) {
        return Optional.ofNullable(state(organization).serverUrl());
    }

    public void mark(OrganizationId organization, Kind kind, UUID subject) {
        int exists = jdbc.sql("select count(*) from test_data_marks where organization_id = :org and kind = :kind "
                        + "and subject_id = :id").param("org", organization.value()).param("kind", kind.name())
                .param("id", subject).query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql("insert into test_data_marks (organization_id, kind, subject_id) values (:org, :kind, :id)")
                    .param("org", organization.value()).param("kind", kind.name()).param("id", subject).update();
        }
    }

    public Set<UUID> marked(OrganizationId organization, Kind kind) {
        return jdbc.sql("select subject_id from test_data_marks where organization_id = :org and kind = :kind")
                .param("org", organization.value()).param("kind", kind.name())
                .query((rs, n) -> rs.getObject(1, UUID.class)).list().stream().collect(Collectors.toSet());
    }

    public void unmark(OrganizationId organization, Kind kind, UUID subject) {
        jdbc.sql("delete from test_data_marks where organization_id = :org and kind = :kind and subject_id = :id")
                .param("org", organization.value()).param("kind", kind.name()).param("id", subject).update();
    }

    /** Marks whose collection, group or member still exists. */
    public long remainingMarks(OrganizationId organization) {
        return jdbc.sql("select count(*) from test_data_marks m where m.organization_id = :org and ("
                        + "(m.kind = 'COLLECTION' and exists (select 1 from collections c where c.id = m.subject_id)) or "
                        + "(m.kind = 'GROUP' and exists (select 1 from groups g where g.id = m.subject_id)) or "
                        + "(m.kind = 'MEMBER' and exists (select 1 from members x where x.id = m.subject_id)))")
                .param("org", organization.value()).query(Long.class).single();
    }

    private void set(OrganizationId organization, String column, Object value) {
        int updated = jdbc.sql("update organization_readiness set " + column
                        + " = :value where organization_id = :org")
                .param("org", organization.value()).param("value", value).update();
        if (updated == 0) {
            jdbc.sql("insert into organization_readiness (organization_id, " + column + ") values (:org, :value)")
                    .param("org", organization.value()).param("value", value).update();
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
