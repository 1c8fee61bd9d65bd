package dev.muster.csv;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A valid row of an invitation file.
 *
 * @param index the row's position among the data rows (0 is the row after the header)
 * @param line the line it starts on
 * @param role the role the file asks for, {@code null} to let the organization's role rules decide
 * @param groups group names, {@code null} when the file has no groups column (memberships are left alone)
 * @param collections direct collection grants by collection name
 * @param externalId the person's id in the system the file came from, {@code null} when not given
 * @param attributes the free columns, for the role rules
 */
public record InvitationRow(int index, int line, String email, String name, Role role, Set<Permission> permissions,
                            Set<String> groups, Map<String, AccessLevel> collections, String externalId,
                            Map<String, String> attributes) {
    public InvitationRow {
        Objects.requireNonNull(email, "email");
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        groups = groups == null ? null : Set.copyOf(groups);
        collections = collections == null ? Map.of() : Map.copyOf(collections);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
