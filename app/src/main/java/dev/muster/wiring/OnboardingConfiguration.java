package dev.muster.wiring;

import dev.muster.onboarding.DomainEvents;
import dev.muster.onboarding.MemberAdministration;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.PolicyEnforcement;
import dev.muster.onboarding.Runs;
import dev.muster.onboarding.Store;
import dev.muster.onboarding.Transactions;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Collections;
import dev.muster.organization.Groups;
import dev.muster.organization.Invitations;
import dev.muster.organization.Members;
import dev.muster.organization.Organizations;
import dev.muster.organization.Policies;
import dev.muster.readiness.ReadinessGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The one onboarding service and member administration, built from the storage ports. */
@Configuration(proxyBeanMethods = false)
class OnboardingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Store store(Transactions transactions, Organizations organizations, Members members, Groups groups,
                Collections collections, Policies policies, AuditLog audit, Runs runs) {
        return new Store(transactions, organizations, members, groups, collections, policies, audit, runs);
    }

    @Bean
    DomainEvents domainEvents(ApplicationEventPublisher publisher) {
        return publisher::publishEvent;
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    OrganizationRules organizationRules() {
        return organization -> OrganizationRules.EVERYONE_IS_USER;
    }

    @Bean
    Onboarding onboarding(Store store, OrganizationRules rules, Invitations invitations, DomainEvents events,
                          Clock clock, ObjectProvider<ReadinessGate> gate) {
        return new Onboarding(store, rules::forOrganization, invitations, events, clock, gate.getIfAvailable());
    }

    @Bean
    PolicyEnforcement policyEnforcement(Store store, MemberAdministration administration, Clock clock) {
        return new PolicyEnforcement(store, administration, clock);
    }

    @Bean
    MemberAdministration memberAdministration(Store store, Invitations invitations, DomainEvents events,
                                              Clock clock) {
        return new MemberAdministration(store, invitations, events, clock);
    }
}
