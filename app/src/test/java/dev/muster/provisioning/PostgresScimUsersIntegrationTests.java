package dev.muster.provisioning;

import dev.muster.storage.FreshPostgresDatabase;

/** The same tests as {@link ScimUsersIntegrationTests}, on a fresh PostgreSQL database. */
@FreshPostgresDatabase
class PostgresScimUsersIntegrationTests extends ScimUsersIntegrationTests {
}
