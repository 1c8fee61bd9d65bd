/**
 * Directory sync inside the application: configurations stored with an encrypted bind password, sync progress
 * and held plans in JDBC, and the wiring of the sync service.
 */
package dev.muster.directory;
