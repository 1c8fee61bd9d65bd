package dev.muster.readiness;

import dev.muster.storage.FreshPostgresDatabase;

/** {@link SharedDataIntegrationTests} on a fresh database of the configured PostgreSQL server. */
@FreshPostgresDatabase
class PostgresSharedDataIntegrationTests extends SharedDataIntegrationTests {
}
