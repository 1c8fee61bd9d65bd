package dev.muster.readiness;

import dev.muster.storage.FreshPostgresDatabase;

/** {@link ReadinessIntegrationTests} on a fresh database of the configured PostgreSQL server. */
@FreshPostgresDatabase
class PostgresReadinessIntegrationTests extends ReadinessIntegrationTests {
}
