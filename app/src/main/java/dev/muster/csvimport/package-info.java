/**
 * The application side of CSV invitations: the import ledger in the database, the engine's wiring and
 * configuration, and finishing imports that a previous process left running.
 */
package dev.muster.csvimport;
