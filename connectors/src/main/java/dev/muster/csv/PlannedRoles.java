package dev.muster.csv;

import dev.muster.onboarding.Change;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.organization.Group;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.roles.PersonFacts;
import dev.muster.roles.RoleDecision;
import dev.muster.roles.RoleRules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The role a row gives (or would give) its member, for the plan: the role the row asks for, the role it changes
 * to, the member's role as stored, or, for a person a dry run would create, what the organization's role rules
 * decide from the row's groups and columns (the same facts the onboarding service gives them).
 */
final class PlannedRoles {
    private final Members members;
    private final Groups groups;
    private final Function<OrganizationId, RoleRules> rules;

    PlannedRoles(Members members, Groups groups, Function<OrganizationId, RoleRules> rules) {
        this.members = members;
        this.groups = groups;
        this.rules = rules;
    }

    String of(OrganizationId organization, InvitationRow row, ItemOutcome outcome) {
        if (row.role() != null) {
            return format(row.role(), row.permissions());
        }
        String subject = null;
        if (outcome instanceof ItemOutcome.Applied applied) {
            Optional<String> changed = applied.changes().stream().filter(c -> c.kind() == Change.Kind.ROLE_CHANGED)
                    .map(Change::to).reduce((a, b) -> b);
            if (changed.isPresent()) {
                return changed.get().toLowerCase(Locale.ROOT);
            }
            subject = applied.subject();
        } else if (outcome instanceof ItemOutcome.Unchanged unchanged) {
            subject = unchanged.subject();
        } else {
            return null;
        }
        Optional<Member> stored = subject == null ? Optional.empty() : members.find(organization, MemberId.of(subject));
        return stored.map(m -> format(m.role(), m.permissions())).orElseGet(() -> decided(organization, row));
    }

    private String decided(OrganizationId organization, InvitationRow row) {
        var names = new HashSet<String>();
        var externalIds = new HashSet<String>();
        for (String name : row.groups() == null ? Set.<String>of() : row.groups()) {
            groups.findByName(organization, name).map(Group::externalId).ifPresent(externalIds::add);
            names.add(name);
        }
        var attributes = new HashMap<String, String>();
        row.attributes().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                attributes.put(k, v);
            }
        });
        RoleDecision decision = rules.apply(organization).decide(new PersonFacts(organization, Source.CSV,
                row.email(), names, externalIds, attributes));
        if (decision.role() == Role.OWNER && !decision.allowOwner()) {
            return format(Role.USER, Set.of());
        }
        return format(decision.role(), decision.permissions());
    }

    static String format(Role role, Set<Permission> permissions) {
        String name = role.name().toLowerCase(Locale.ROOT);
        if (role != Role.CUSTOM || permissions.isEmpty()) {
            return name;
        }
        return name + ":" + permissions.stream().map(Permission::name).sorted().collect(Collectors.joining(";"));
    }
}
