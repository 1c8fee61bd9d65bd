package dev.muster.invitations;

import dev.muster.routes.MailOutbox;
import dev.muster.routes.MailProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table. Claims take a short lease with row locks skipped by other pollers, so two Muster instances
 * sharing one database never send the same e-mail; a delivered row keeps no body, since it carried a live link.
 */
@Component
class JdbcMailOutbox implements MailOutbox {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailProperties mail;
    private final MeterRegistry metrics;
    private final Clock clock;

    JdbcMailOutbox(JdbcClient jdbc, TransactionTemplate transactions, MailProperties mail, MeterRegistry metrics,
                   Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mail = mail;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public List<OutgoingMail> claimDue(int limit) {
        return transactions.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<OutgoingMail> due = jdbc.sql("select id, recipient, subject, body from mail_outbox "
                            + "where sent_at is null and next_attempt_at <= :now "
                            + "and (claimed_until is null or claimed_until < :now) "
                            + "order by next_attempt_at, id limit :limit for update skip locked")
                    .param("now", now).param("limit", limit)
                    .query((rs, n) -> new OutgoingMail(rs.getObject("id", UUID.class), rs.getString("recipient"),
                            rs.getString("subject"), rs.getString("body")))
                    .list();
            for (OutgoingMail claimed : due) {
                jdbc.sql("update mail_outbox set claimed_until = :until where id = :id")
                        .param("until", Timestamp.from(now.toInstant().plus(LEASE))).param("id", claimed.id())
                        .update();
            }
            return due;
        });
    }

    @Override
    public void delivered(UUID id) {
        jdbc.sql("update mail_outbox set sent_at = :now, body = null, claimed_until = null, last_error = null "
                        + "where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        metrics.counter("muster.mail.delivered").increment();
    }

    @Override
    public void deliveryFailed(UUID id, String reason) {
        transactions.executeWithoutResult(status -> {
            Integer attempts = jdbc.sql("select attempts from mail_outbox where id = :id").param("id", id)
                    .query(Integer.class).optional().orElse(null);
            if (attempts == null) {
                return;
            }
            Instant next = clock.instant().plus(backoff(attempts + 1));
            String kept = reason == null ? "unknown" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
            jdbc.sql("update mail_outbox set attempts = :attempts, next_attempt_at = :next, claimed_until = null, "
                            + "last_error = :error where id = :id")
                    .param("attempts", attempts + 1).param("next", Timestamp.from(next)).param("error", kept)
                    .param("id", id).update();
        });
        metrics.counter("muster.mail.failed").increment();
    }

    /** The delay before attempt {@code attempts + 1}: the configured delay doubled per failure, capped. */
    Duration backoff(int attempts) {
        Duration delay = mail.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
