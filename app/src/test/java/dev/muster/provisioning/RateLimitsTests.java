package dev.muster.provisioning;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTests {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsABurstOfOneMinutesWorthThenSaysHowLongToWait() {
        var clock = new HandClock();
        var limits = new RateLimits(2, clock);
        UUID token = UUID.randomUUID();

        assertThat(limits.take(token)).isEmpty();
        assertThat(limits.take(token)).isEmpty();
        assertThat(limits.take(token)).contains(Duration.ofSeconds(30));

        clock.now = clock.now.plusSeconds(30);
        assertThat(limits.take(token)).isEmpty();
    }

    @Test
    void limitsEachTokenOnItsOwn() {
        var limits = new RateLimits(1, new HandClock());
        UUID busy = UUID.randomUUID();
        limits.take(busy);

        assertThat(limits.take(busy)).isPresent();
        assertThat(limits.take(UUID.randomUUID())).isEmpty();
    }
}
