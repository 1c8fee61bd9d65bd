package dev.muster.csv;

import dev.muster.organization.Collections;
import dev.muster.organization.Groups;
import dev.muster.organization.OrganizationId;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Which groups and collections an organization has, by name ignoring case. */
interface Catalog {
    boolean hasGroup(String name);

    boolean hasCollection(String name);

    /**
     * The organization's catalog as stored, each name asked once per import, so that a file naming the same group
     * on every row reads it once.
     */
    static Catalog stored(OrganizationId organization, Groups groups, Collections collections) {
        Map<String, Boolean> knownGroups = new HashMap<>();
        Map<String, Boolean> knownCollections = new HashMap<>();
        return new Catalog() {
            @Override
            public boolean hasGroup(String name) {
                return knownGroups.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                        key -> groups.findByName(organization, name).isPresent());
            }

            @Override
            public boolean hasCollection(String name) {
                return knownCollections.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                        key -> collections.findByName(organization, name).isPresent());
            }
        };
    }

    /** A fixed catalog. */
    static Catalog of(Set<String> groups, Set<String> collections) {
        Set<String> g = groups.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> c = collections.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return new Catalog() {
            @Override
            public boolean hasGroup(String name) {
                return g.contains(name.toLowerCase(Locale.ROOT));
            }

            @Override
            public boolean hasCollection(String name) {
                return c.contains(name.toLowerCase(Locale.ROOT));
            }
        };
    }
}
