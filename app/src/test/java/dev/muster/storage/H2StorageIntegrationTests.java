package dev.muster.storage;

import dev.muster.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storage contract on H2 in PostgreSQL mode, the embedded default. */
class H2StorageIntegrationTests extends StorageIntegrationTests {
    static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabases.h2();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database.register(registry);
    }
}
