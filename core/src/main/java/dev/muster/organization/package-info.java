/**
 * The organization we manage: members and their lifecycle, roles, groups, collections, policies,
 * seats and audit events, with the guards real password-manager organizations enforce.
 * Framework-free; storage is reached through the ports in this package.
 */
package dev.muster.organization;
