package dev.muster.csvimport;

import dev.muster.csv.CsvImportLedger;
import dev.muster.csv.CsvInvitations;
import dev.muster.csv.ImportObserver;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.Store;
import dev.muster.routes.CsvProperties;
import dev.muster.wiring.OrganizationRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** The CSV import engine on the application's storage and the {@code muster.csv.*} settings. */
@Configuration(proxyBeanMethods = false)
class CsvImportConfiguration {

    @Bean
    CsvImportLedger csvImportLedger(JdbcClient jdbc) {
        return new JdbcCsvImportLedger(jdbc);
    }

    @Bean
    CsvInvitations csvInvitations(Onboarding onboarding, OrganizationRules rules, Store store, CsvImportLedger ledger,
                                  CsvProperties properties, ObjectProvider<ImportObserver> observer, Clock clock) {
        return new CsvInvitations(onboarding, rules::forOrganization, store, ledger, properties.settings(),
                observer.getIfAvailable(() -> ImportObserver.NONE), clock);
    }

    @Bean
    BackgroundImports backgroundImports(CsvInvitations invitations) {
        return new BackgroundImports(invitations);
    }

    @Bean
    UnfinishedImports unfinishedImports(CsvInvitations invitations) {
        return new UnfinishedImports(invitations);
    }
}
