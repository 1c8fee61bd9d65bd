package dev.muster.provisioning;

import dev.muster.scim.ScimUserRecords.SortKey;
import dev.muster.storage.StorageConfiguration;
import dev.muster.storage.TestDatabases;
import dev.muster.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The query of a SCIM list page, as the application sends it, on the embedded H2 database. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = StorageConfiguration.class)
class ScimUserListingPlanTests {
    static TestDatabase database;

    @Autowired
    JdbcTemplate sql;

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

    @Test
    void walksTheDefaultOrderDeepIntoTheListOnOneIndexWithoutReadingRows() {
        String page = JdbcScimUserRecords.pageIds(SortKey.CREATED, false).replace(":org", "random_uuid()")
                .replace(":limit", "100").replace(":offset", "50000");

        assertThat(sql.queryForObject("explain " + page, String.class))
                .contains("scim_users_listed").contains("index sorted");
    }
}
