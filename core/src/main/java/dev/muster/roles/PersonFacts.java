package dev.muster.roles;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules may look at about a person.
 *
 * @param source the source of the command being applied
 * @param groupNames names of the groups the person is in (directory/IdP/CSV), nested groups already flattened
 * @param groupExternalIds external ids of those groups
 * @param attributes department, title, employee type, SCIM enterprise fields, CSV columns
 * @param sources every source the person is known to (its identities, plus the source of the command); the
 *                {@code source} matcher looks at these, so that the answer does not depend on which path spoke last
 */
public record PersonFacts(OrganizationId organizationId, Source source, String email, Set<String> groupNames,
                          Set<String> groupExternalIds, Map<String, String> attributes, Set<Source> sources) {
    public PersonFacts {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(email, "email");
        groupNames = Set.copyOf(groupNames);
        groupExternalIds = Set.copyOf(groupExternalIds);
        attributes = Map.copyOf(attributes);
        sources = sources == null || sources.isEmpty() ? Set.of(source) : Set.copyOf(sources);
    }

    /** Facts of a person known only to {@code source}. */
    public PersonFacts(OrganizationId organizationId, Source source, String email, Set<String> groupNames,
                       Set<String> groupExternalIds, Map<String, String> attributes) {
        this(organizationId, source, email, groupNames, groupExternalIds, attributes, Set.of(source));
    }

    /**
     * An attribute by name, ignoring case. {@code email} and {@code emailDomain} are derived from the e-mail
     * unless the source sent attributes of those names.
     */
    public Optional<String> attribute(String name) {
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(entry.getValue()).filter(v -> !v.isBlank());
            }
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("email")) {
            return Optional.of(email);
        }
        if (key.equals("emaildomain")) {
            int at = email.lastIndexOf('@');
            return at < 0 ? Optional.empty() : Optional.of(email.substring(at + 1));
        }
        return Optional.empty();
    }

    /** Whether the person is in a group of that name, ignoring case. */
    public boolean inGroupNamed(String name) {
        return groupNames.stream().anyMatch(g -> g.equalsIgnoreCase(name));
    }

    /** Whether the person is in a group with that external id, ignoring case (DNs and GUIDs both ignore it). */
    public boolean inGroupWithExternalId(String externalId) {
        return groupExternalIds.stream().anyMatch(g -> g.equalsIgnoreCase(externalId));
    }
}
