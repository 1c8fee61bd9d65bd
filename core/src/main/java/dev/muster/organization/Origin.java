package dev.muster.organization;

/**
 * Who created a group membership or collection grant. A source only retracts what carries its own tag:
 * {@code MANUAL} grants survive every sync, {@code RULES} grants are managed by the role rules.
 */
public enum Origin { SCIM, DIRECTORY, CSV, MANUAL, RULES }
