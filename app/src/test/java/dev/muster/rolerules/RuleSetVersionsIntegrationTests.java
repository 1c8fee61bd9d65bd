package dev.muster.rolerules;

import dev.muster.onboarding.RunId;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import dev.muster.organization.StaleVersion;
import dev.muster.storage.StorageConfiguration;
import dev.muster.storage.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saved rule-set versions on H2 (the embedded default) and on PostgreSQL. */
class RuleSetVersionsIntegrationTests {
    static final Instant NOW = Instant.parse("2026-11-25T09:30:00.123456Z");

    @JdbcTest
    @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
    @ContextConfiguration(classes = {StorageConfiguration.class, RuleSetVersions.class})
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    abstract static class Contract {
        @Autowired
        Organizations organizations;
        @Autowired
        RuleSetVersions versions;

        OrganizationId organization() {
            return organizations.insert(new Organization(OrganizationId.random(), "Acme", Plan.TRIAL, 5, null,
                    new OrganizationSettings(true, Duration.ofDays(7), false), NOW, 0)).id();
        }

        static StoredRuleSet version(OrganizationId org, long version, String document) {
            return new StoredRuleSet(org, version, RuleSetFormat.YAML, document, NOW, "admin", null);
        }

        @Test
        void savesVersionsOnTopOfEachOtherAndKeepsThemAll() {
            OrganizationId org = organization();
            assertThat(versions.currentVersion(org)).isZero();
            assertThat(versions.current(org)).isEmpty();

            versions.save(version(org, 1, "rules: []"), 0);
            versions.save(version(org, 2, "rules: [] # two"), 1);

            assertThat(versions.currentVersion(org)).isEqualTo(2);
            assertThat(versions.current(org)).hasValueSatisfying(s -> {
                assertThat(s.document()).isEqualTo("rules: [] # two");
                assertThat(s.savedAt()).isEqualTo(NOW);
                assertThat(s.savedBy()).isEqualTo("admin");
            });
            assertThat(versions.history(org, 10)).extracting(StoredRuleSet::version).containsExactly(2L, 1L);
        }

        @Test
        void refusesToSaveOnTopOfAStaleVersion() {
            OrganizationId org = organization();
            versions.save(version(org, 1, "rules: []"), 0);

            assertThatThrownBy(() -> versions.save(version(org, 1, "rules: [] # lost update"), 0))
                    .isInstanceOf(StaleVersion.class);
            assertThat(versions.current(org).orElseThrow().document()).isEqualTo("rules: []");
        }

        @Test
        void recordsTheRunOfAVersionAndKeepsOrganizationsApart() {
            OrganizationId org = organization();
            OrganizationId other = organization();
            versions.save(version(org, 1, "rules: []"), 0);
            RunId run = RunId.random();

            versions.ranAs(org, 1, run);

            assertThat(versions.find(org, 1).orElseThrow().runId()).isEqualTo(run);
            assertThat(versions.current(other)).isEmpty();
            assertThat(versions.find(other, 1)).isEmpty();
        }
    }

    @Nested
    class OnH2 extends Contract {
        @DynamicPropertySource
        static void datasource(DynamicPropertyRegistry registry) {
            TestDatabases.h2().register(registry);
        }
    }

    @Nested
    @DirtiesContext
    class OnPostgres extends Contract {
        static TestDatabases.TestDatabase database;

        @BeforeAll
        static void createDatabase() {
            database = TestDatabases.postgres();
        }

        @AfterAll
        static void dropDatabase() {
            if (database != null) {
                database.close();
            }
        }

        @DynamicPropertySource
        static void datasource(DynamicPropertyRegistry registry) {
            database.register(registry);
        }
    }
}
