package dev.muster.ldap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A directory read tried again, with exponential backoff, while it fails in a way that says retrying can help
 * (connection lost, busy, unavailable, timeout). Reads change nothing, so trying again is always safe.
 */
final class RetryingRead {
    private static final Logger log = LoggerFactory.getLogger(RetryingRead.class);

    private RetryingRead() {
    }

    /** A full read when {@code since} is {@code null}, otherwise the changes since then (or since {@code mark}). */
    static DirectorySnapshot read(DirectoryConfiguration configuration, Instant since, String mark,
                                  DirectorySync.ReadRetry retry, Clock clock) {
        Duration pause = retry.backoff();
        for (int attempt = 1; ; attempt++) {
            try (var reader = new DirectoryReader(configuration.connection(), configuration.mapping(), clock)) {
                return since == null ? reader.readAll() : reader.readChangedSince(since, mark);
            } catch (DirectoryReadFailed e) {
                if (!e.retryable() || attempt >= retry.attempts()) {
                    throw e;
                }
                log.warn("directory read failed (attempt {} of {}), retrying in {}: {}", attempt, retry.attempts(),
                        pause, e.getMessage());
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry the directory read", e);
        }
    }
}
