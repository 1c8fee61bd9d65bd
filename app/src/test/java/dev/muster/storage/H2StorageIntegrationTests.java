package dev.muster.storage;

import dev.muster.storage.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Autowired
    JdbcTemplate sql;

    @Test
    void looksUpByEmailAndUserNameOnTheUniqueIndexesEvenWhenTheOrganizationColumnLooksSelective() {
        // H2 rates a column with many distinct values as selective; an index on organization_id alone then costs as
        // little as the unique (organization_id, key) index, and H2 took the first it found: a scan per lookup.
        sql.execute("alter table members alter column organization_id selectivity 100");
        sql.execute("alter table scim_users alter column organization_id selectivity 100");

        assertThat(plan("select * from members m where m.organization_id = random_uuid() and m.email_key = 'a'"))
                .contains("members_email_key_unique");
        assertThat(plan("select * from scim_users u where u.organization_id = random_uuid() "
                + "and u.user_name_key = 'a'")).contains("scim_users_user_name_unique");
    }

    private String plan(String query) {
        return sql.queryForObject("explain " + query, String.class);
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        database.register(registry);
    }
}
