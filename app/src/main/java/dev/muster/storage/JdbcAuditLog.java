package dev.muster.storage;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.MemberId;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.UUID;

/** The audit trail in {@code audit_events}, appended to and read newest first. */
class JdbcAuditLog implements AuditLog {
    private static final RowMapper<AuditEvent> ROW = (rs, n) -> {
        UUID actorMember = Columns.uuid(rs, "actor_member_id");
        var actor = new Actor(Columns.enumValue(Actor.Kind.class, rs, "actor_kind"), rs.getString("actor_name"),
                actorMember == null ? null : new MemberId(actorMember));
        return new AuditEvent(new OrganizationId(Columns.uuid(rs, "organization_id")),
                Columns.instant(rs, "occurred_at"), actor, Columns.enumValue(AuditEventType.class, rs, "type"),
                rs.getString("subject"), rs.getString("detail"), rs.getString("reason"));
    };

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEvent event) {
        var values = new HashMap<String, Object>();
        values.put("org", event.organizationId().value());
        values.put("at", Columns.timestamp(event.at()));
        values.put("actorKind", event.actor().kind().name());
        values.put("actorName", event.actor().name());
        values.put("actorMember", event.actor().member() == null ? null : event.actor().member().value());
        values.put("type", event.type().name());
        values.put("subject", event.subject());
        values.put("detail", event.detail());
        values.put("reason", event.reason());
        jdbc.sql("insert into audit_events (organization_id, occurred_at, actor_kind, actor_name, actor_member_id, "
                        + "type, subject, detail, reason) values (:org, :at, :actorKind, :actorName, :actorMember, "
                        + ":type, :subject, :detail, :reason)")
                .params(values).update();
    }

    @Override
    public Page<AuditEvent> page(OrganizationId organization, long offset, int limit) {
        long total = jdbc.sql("select count(*) from audit_events where organization_id = :org")
                .param("org", organization.value()).query(Long.class).single();
        // Events recorded in the same instant keep their insertion order through the identity column.
        var items = jdbc.sql("select organization_id, occurred_at, actor_kind, actor_name, actor_member_id, type, "
                        + "subject, detail, reason from audit_events where organization_id = :org "
                        + "order by occurred_at desc, id desc limit :limit offset :offset")
                .param("org", organization.value()).param("limit", limit).param("offset", offset)
                .query(ROW).list();
        return new Page<>(items, total, offset, limit);
    }
}
