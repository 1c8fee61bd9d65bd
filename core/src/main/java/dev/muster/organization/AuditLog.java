package dev.muster.organization;

/** Append-only audit trail, newest first when read. */
public interface AuditLog {
    void record(AuditEvent event);

    Page<AuditEvent> page(OrganizationId organization, long offset, int limit);
}
