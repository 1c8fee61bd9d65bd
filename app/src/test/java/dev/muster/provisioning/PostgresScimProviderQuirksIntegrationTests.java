package dev.muster.provisioning;

import dev.muster.storage.FreshPostgresDatabase;

/** The same tests as {@link ScimProviderQuirksIntegrationTests}, on a fresh PostgreSQL database. */
@FreshPostgresDatabase
class PostgresScimProviderQuirksIntegrationTests extends ScimProviderQuirksIntegrationTests {
}
