package dev.muster.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per SCIM token: {@code requestsPerMinute} requests may burst at once and refill evenly over a
 * minute. In memory, per instance of the application.
 */
final class RateLimits {
    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one request from the token's bucket: empty when allowed, else how long until one is. */
    java.util.Optional<Duration> take(UUID token) {
        Bucket bucket = buckets.computeIfAbsent(token, t -> new Bucket(perMinute, clock.instant()));
        synchronized (bucket) {
            Instant now = clock.instant();
            double refill = Duration.between(bucket.updated, now).toNanos() / 60e9 * perMinute;
            bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return java.util.Optional.empty();
            }
            double secondsUntilOne = (1 - bucket.tokens) * 60.0 / perMinute;
            return java.util.Optional.of(Duration.ofSeconds((long) Math.ceil(secondsUntilOne)));
        }
    }

    private static final class Bucket {
        double tokens;
        Instant updated;

        Bucket(double tokens, Instant updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
