package dev.muster.roles;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the rules may look at about a person.
 *
 * @param groupNames names of the groups the person is in (directory/IdP/CSV), nested groups already flattened
 * @param groupExternalIds external ids of those groups
 * @param attributes department, title, employee type, SCIM enterprise fields, CSV columns
 */
public record PersonFacts(OrganizationId organizationId, Source source, String email, Set<String> groupNames,
                          Set<String> groupExternalIds, Map<String, String> attributes) {
    public PersonFacts {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(email, "email");
        groupNames = Set.copyOf(groupNames);
        groupExternalIds = Set.copyOf(groupExternalIds);
        attributes = Map.copyOf(attributes);
    }
}
