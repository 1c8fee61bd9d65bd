package dev.muster.readiness;

import dev.muster.storage.FreshPostgresDatabase;

/** {@link PurgeIntegrationTests} on a fresh database of the configured PostgreSQL server. */
@FreshPostgresDatabase
class PostgresPurgeIntegrationTests extends PurgeIntegrationTests {
}
