package dev.muster.provisioning;

import dev.muster.organization.Groups;
import dev.muster.organization.Members;
import dev.muster.scim.ScimServer;
import dev.muster.scim.ScimUserRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** The SCIM server the {@code onboarding-scim} route calls, over the storage ports. */
@Configuration(proxyBeanMethods = false)
class ScimConfiguration {

    @Bean
    ScimUserRecords scimUserRecords(JdbcClient jdbc) {
        return new JdbcScimUserRecords(jdbc);
    }

    @Bean
    ScimServer scimServer(ScimUserRecords records, Members members, Groups groups, Clock clock) {
        return new ScimServer(records, members, groups, clock);
    }
}
