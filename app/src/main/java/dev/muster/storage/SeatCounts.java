package dev.muster.storage;

import dev.muster.organization.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code seat_counts} row of each organization: how many of its members occupy a seat. Changed in the
 * transaction of the member write that changes it, so it commits and rolls back (dry runs, failed items) with
 * that write; concurrent writers of one organization queue on the row, as they commit their seats.
 * An organization without a row (created before V11 by other means) gets one from a count on first use.
 */
final class SeatCounts {
    private final JdbcClient jdbc;
    private final String seatStatuses;

    SeatCounts(JdbcClient jdbc, String seatStatuses) {
        this.jdbc = jdbc;
        this.seatStatuses = seatStatuses;
    }

    long occupied(OrganizationId organization) {
        return jdbc.sql("select occupied from seat_counts where organization_id = :org")
                .param("org", organization.value()).query(Long.class).optional()
                .orElseGet(() -> initialise(organization));
    }

    void change(OrganizationId organization, int delta) {
        if (delta == 0) {
            return;
        }
        int updated = jdbc.sql("update seat_counts set occupied = occupied + :delta where organization_id = :org")
                .param("delta", delta).param("org", organization.value()).update();
        if (updated == 0) {
            initialise(organization);
        }
    }

    /** Counts the members once; the count already includes the write of the calling transaction. */
    private long initialise(OrganizationId organization) {
        long counted = jdbc.sql("select count(*) from members where organization_id = :org and status in ("
                        + seatStatuses + ")")
                .param("org", organization.value()).query(Long.class).single();
        jdbc.sql("insert into seat_counts (organization_id, occupied) values (:org, :occupied)")
                .param("org", organization.value()).param("occupied", counted).update();
        return counted;
    }
}
