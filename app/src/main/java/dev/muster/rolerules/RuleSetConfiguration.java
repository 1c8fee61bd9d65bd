package dev.muster.rolerules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document reader, shared by the API, the stored rules and the demo organization. */
@Configuration(proxyBeanMethods = false)
class RuleSetConfiguration {
    @Bean
    RuleSetDocuments ruleSetDocuments() {
        return new RuleSetDocuments();
    }
}
