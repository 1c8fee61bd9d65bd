package dev.muster.wiring;

import dev.muster.organization.OrganizationId;
import dev.muster.roles.RoleDecision;
import dev.muster.roles.RoleRules;

/**
 * Finds the role rules of an organization. Until an organization saves a rule set, everyone is {@code USER}.
 */
public interface OrganizationRules {
    RoleRules forOrganization(OrganizationId organization);

    /** The rules of an organization that has saved none. */
    RoleRules EVERYONE_IS_USER = person -> RoleDecision.plainUser("no rules: USER");
}
