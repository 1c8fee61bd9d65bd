/**
 * The LDAP / Active Directory onboarding path: reads a directory completely (or fails), maps entries to
 * canonical people and groups, and plans the onboarding commands a sync applies. UnboundID SDK types stay
 * inside this package.
 */
package dev.muster.ldap;
