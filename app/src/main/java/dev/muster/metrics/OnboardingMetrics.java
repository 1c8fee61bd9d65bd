package dev.muster.metrics;

import dev.muster.onboarding.OnboardingEvent;
import dev.muster.organization.MemberStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code muster_members{status}} counts members by status across organizations (refreshed at most every 10 s);
 * {@code muster_batch_items_total{outcome}} counts onboarding outcomes; {@code muster_invitations_total}
 * counts invitations issued.
 */
@Component
class OnboardingMetrics {
    private final MeterRegistry registry;

    OnboardingMetrics(MeterRegistry registry, JdbcClient jdbc, java.time.Clock clock) {
        this.registry = registry;
        var counts = new MemberStatusCounts(jdbc, clock);
        for (MemberStatus status : MemberStatus.values()) {
            Gauge.builder("muster.members", () -> counts.count(status))
                    .tag("status", status.name()).description("members by status").register(registry);
        }
    }

    @EventListener
    void on(OnboardingEvent.BatchCompleted batch) {
        batch.counts().forEach((outcome, count) -> registry.counter("muster.batch.items", "outcome", outcome)
                .increment(count));
    }

    @EventListener
    void on(OnboardingEvent.MemberInvited invited) {
        registry.counter("muster.invitations").increment();
    }
}
