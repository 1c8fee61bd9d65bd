/**
 * The readiness state Muster keeps per organization (upgrade and purge times, the clients' server URL, test-data
 * marks) and the facts the readiness rules read, gathered from storage in a handful of queries.
 */
package dev.muster.readiness.storage;
