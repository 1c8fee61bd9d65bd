package dev.muster.deadletters;

import dev.muster.routes.DeadLetters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/** Keeps dead letters in the database, so a failed message survives restarts and can be inspected. */
@Component
class JdbcDeadLetters implements DeadLetters {
    private static final int MAX_BODY = 100_000;
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcDeadLetters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void store(String routeId, String body, String reason) {
        String kept = body == null ? null : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        jdbc.sql("insert into dead_letters (id, route_id, body, reason, created_at) "
                        + "values (:id, :route, :body, :reason, :at)")
                .param("id", UUID.randomUUID()).param("route", routeId).param("body", kept)
                .param("reason", reason == null ? "unknown" : reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .param("at", Timestamp.from(clock.instant())).update();
    }
}
