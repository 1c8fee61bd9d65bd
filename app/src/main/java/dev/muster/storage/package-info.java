/**
 * Persistence of organizations, members, groups, collections, policies, the audit trail and onboarding runs with
 * Spring JDBC over the Flyway schema; every adapter implements a framework-free port of the core module.
 */
package dev.muster.storage;
