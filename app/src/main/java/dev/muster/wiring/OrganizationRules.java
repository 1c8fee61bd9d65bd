package dev.muster.wiring;

import dev.muster.organization.OrganizationId;
import dev.muster.roles.PersonFacts;
import dev.muster.roles.RoleDecision;
import dev.muster.roles.RoleRules;

/**
 * Finds the role rules of an organization. Until an organization saves a rule set, everyone is {@code USER}.
 */
public interface OrganizationRules {
    RoleRules forOrganization(OrganizationId organization);

    /** The rules of an organization that has saved none. */
    RoleRules EVERYONE_IS_USER = new RoleRules() {
        @Override
        public RoleDecision decide(PersonFacts person) {
            return RoleDecision.plainUser("no rules: USER");
        }

        @Override
        public String identity() {
            return "no rules: everyone is USER";
        }

        @Override
        public boolean readsGroups() {
            return false;
        }
    };
}
