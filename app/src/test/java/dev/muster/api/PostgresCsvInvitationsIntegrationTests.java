package dev.muster.api;

import dev.muster.storage.FreshPostgresDatabase;

/** The CSV upload API, the import ledger and the exports on a fresh database of the configured PostgreSQL server. */
@FreshPostgresDatabase
class PostgresCsvInvitationsIntegrationTests extends CsvInvitationsIntegrationTests {
}
