package dev.muster.storage;

import dev.muster.onboarding.Runs;
import dev.muster.onboarding.Transactions;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Collections;
import dev.muster.organization.Groups;
import dev.muster.organization.Members;
import dev.muster.organization.Organizations;
import dev.muster.organization.Policies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Exposes the JDBC storage as the core's ports. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {
    private final NamedParameterJdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactionManager;
    private final StorageJson json = new StorageJson();

    StorageConfiguration(NamedParameterJdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.transactionManager = transactionManager;
    }

    /** A Java migration (H2 only); static, so that Flyway gets it before the storage that needs the schema. */
    @Bean
    static org.flywaydb.core.api.migration.JavaMigration foreignKeysShareIndexes() {
        return new V13__ForeignKeysShareIndexes();
    }

    @Bean
    Organizations organizations() {
        return new JdbcOrganizations(jdbc);
    }

    @Bean
    Members members() {
        return new JdbcMembers(jdbc, new TransactionTemplate(transactionManager), json);
    }

    @Bean
    Groups groups() {
        return new JdbcGroups(jdbc, jdbcTemplate);
    }

    @Bean
    Collections collections() {
        return new JdbcCollections(jdbc);
    }

    @Bean
    Policies policies() {
        return new JdbcPolicies(jdbc, json);
    }

    @Bean
    AuditLog auditLog() {
        return new JdbcAuditLog(jdbc);
    }

    @Bean
    Runs runs() {
        return new JdbcRuns(jdbc, jdbcTemplate, json);
    }

    @Bean
    Transactions transactions() {
        return new SpringTransactions(transactionManager);
    }
}
