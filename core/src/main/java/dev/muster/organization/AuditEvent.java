package dev.muster.organization;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited change: who or what did it, when, to what, and why.
 *
 * @param subject the member, group or other id the change is about
 * @param detail what changed, in words
 * @param reason why it changed (a rule, a source deactivation, an admin's request)
 */
public record AuditEvent(OrganizationId organizationId, Instant at, Actor actor, AuditEventType type,
                         String subject, String detail, String reason) {
    public AuditEvent {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
    }
}
