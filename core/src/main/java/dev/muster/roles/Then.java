package dev.muster.roles;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a matching rule gives ({@code then}). Consistency between the parts (permissions only with
 * {@code CUSTOM}, {@code OWNER} only with {@code allowOwner}) is checked by {@link RuleSetValidation}, which
 * names the rule and field at fault.
 *
 * @param role the role, {@code null} when the rule only adds groups or access
 * @param allowOwner the rule may make people owners ({@code role: OWNER} requires it)
 * @param permissions the flags of a {@code CUSTOM} role
 * @param groups names of groups to join
 * @param grants collection access to give
 */
public record Then(Role role, boolean allowOwner, Set<Permission> permissions, List<String> groups,
                   List<Grant> grants) {
    public Then {
        permissions = permissions == null || permissions.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(permissions));
        groups = groups == null ? List.of() : List.copyOf(groups);
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /** Access to one collection, by collection name. */
    public record Grant(String collection, AccessLevel access) {
        public Grant {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(access, "access");
        }

        @Override
        public String toString() {
            return collection + " " + access;
        }
    }

    /** Whether the rule gives anything at all. */
    public boolean givesNothing() {
        return role == null && groups.isEmpty() && grants.isEmpty();
    }
}
