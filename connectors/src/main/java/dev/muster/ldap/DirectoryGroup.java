package dev.muster.ldap;

import java.util.Objects;
import java.util.Set;

/**
 * A group as the directory describes it, with its members flattened: people of nested groups are members too.
 *
 * @param memberSourceIds the source ids of every person in the group or in a group nested in it
 */
public record DirectoryGroup(String sourceId, String dn, String name, Set<String> memberSourceIds) {
    public DirectoryGroup {
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId must not be blank");
        }
        Objects.requireNonNull(dn, "dn");
        Objects.requireNonNull(name, "name");
        memberSourceIds = Set.copyOf(memberSourceIds);
    }
}
