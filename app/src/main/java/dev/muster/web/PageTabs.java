package dev.muster.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tabs of the pages in this package; other pages declare their own {@link OrganizationTab} beans. */
@Configuration(proxyBeanMethods = false)
class PageTabs {
    @Bean
    OrganizationTab membersTab() {
        return new OrganizationTab(10, "Members", "members");
    }

    @Bean
    OrganizationTab runsTab() {
        return new OrganizationTab(80, "Run history", "runs");
    }

    @Bean
    OrganizationTab eventsTab() {
        return new OrganizationTab(90, "Audit events", "events");
    }
}
