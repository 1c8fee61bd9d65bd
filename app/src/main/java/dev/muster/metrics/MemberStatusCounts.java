package dev.muster.metrics;

import dev.muster.organization.MemberStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Members by status across organizations, read with one grouped query and kept for a few seconds: a scrape reads
 * every status gauge, and counting the members table once per gauge made each scrape scan it five times.
 */
final class MemberStatusCounts {
    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private Map<MemberStatus, Long> counts = Map.of();
    private Instant readAt = Instant.MIN;

    MemberStatusCounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    synchronized long count(MemberStatus status) {
        Instant now = clock.instant();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            var read = new EnumMap<MemberStatus, Long>(MemberStatus.class);
            jdbc.sql("select status, count(*) as n from members group by status")
                    .query((rs, n) -> read.put(MemberStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                    .list();
            counts = read;
            readAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
