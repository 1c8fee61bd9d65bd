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
    OrganizationTab csvTab() {
        return new OrganizationTab(20, "CSV invitations", "csv");
    }

    @Bean
    OrganizationTab scimTokensTab() {
        return new OrganizationTab(30, "SCIM tokens", "scim-tokens");
    }

    @Bean
    OrganizationTab directoryTab() {
        return new OrganizationTab(40, "Directory", "directory");
    }

    @Bean
    OrganizationTab readinessTab() {
        return new OrganizationTab(60, "Readiness", "readiness");
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
