package dev.muster.roles;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the rules give a person.
 *
 * @param role the role; {@link Role#USER} when no rule set one
 * @param allowOwner the rule that gave {@link Role#OWNER} explicitly allows it
 * @param groups group names to join (origin {@code RULES})
 * @param grants collection name to access level (origin {@code RULES}), the most privileged level per collection
 * @param explanation which rules matched and what each gave, in order
 */
public record RoleDecision(Role role, Set<Permission> permissions, boolean allowOwner, Set<String> groups,
                           Map<String, AccessLevel> grants, List<String> explanation) {
    public RoleDecision {
        Objects.requireNonNull(role, "role");
        permissions = Set.copyOf(permissions);
        groups = Set.copyOf(groups);
        grants = Map.copyOf(grants);
        explanation = List.copyOf(explanation);
    }

    public static RoleDecision plainUser(String why) {
        return new RoleDecision(Role.USER, Set.of(), false, Set.of(), Map.of(), List.of(why));
    }
}
