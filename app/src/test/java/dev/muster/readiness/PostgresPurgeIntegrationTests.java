package dev.muster.readiness;

import dev.muster.storage.TestDatabases;
import dev.muster.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PurgeIntegrationTests} on a fresh database of the configured PostgreSQL server. */
@DirtiesContext
class PostgresPurgeIntegrationTests extends PurgeIntegrationTests {
    static TestDatabase database;

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
