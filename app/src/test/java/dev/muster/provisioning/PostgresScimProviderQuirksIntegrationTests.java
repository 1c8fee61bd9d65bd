package dev.muster.provisioning;

import dev.muster.storage.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same tests as {@link ScimProviderQuirksIntegrationTests}, on a fresh PostgreSQL database. */
class PostgresScimProviderQuirksIntegrationTests extends ScimProviderQuirksIntegrationTests {
    private static TestDatabases.TestDatabase database;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        database = TestDatabases.postgres();
        database.register(registry);
    }

    @AfterAll
    static void drop() {
        database.close();
    }
}
