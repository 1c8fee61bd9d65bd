package dev.muster.readiness.storage;

import dev.muster.readiness.ReadinessFactsSource;
import dev.muster.readiness.ReadinessGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The readiness gate the onboarding service asks before every bulk batch. */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

    @Bean
    ReadinessGate readinessGate(ReadinessFactsSource facts, ReadinessProperties properties) {
        return new ReadinessGate(facts, properties.bulkThreshold());
    }
}
