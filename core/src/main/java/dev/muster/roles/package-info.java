/**
 * Role-assignment rules: from a person's source, groups and attributes to a role, groups and collection access,
 * with an explanation of which rule gave what. The onboarding service asks them for every person.
 */
package dev.muster.roles;
