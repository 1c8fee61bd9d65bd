package dev.muster.storage;

/** The storage contract on a fresh database of the configured PostgreSQL server. */
@FreshPostgresDatabase
class PostgresStorageIntegrationTests extends StorageIntegrationTests {
}
