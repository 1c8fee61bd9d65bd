package dev.muster.onboarding;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Grantee;
import dev.muster.organization.Group;
import dev.muster.organization.GroupId;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Member;
import dev.muster.organization.Origin;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;
import dev.muster.roles.PersonFacts;
import dev.muster.roles.RoleDecision;
import dev.muster.roles.RoleRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Asks the role rules about a member and keeps what they manage in step: the role (unless pinned by an admin or
 * a protected owner), and the group memberships and collection grants tagged {@code RULES}. Also writes the
 * memberships and grants of a source, so that each origin only ever retracts its own.
 */
final class RuleApplication {
    private final Function<dev.muster.organization.OrganizationId, RoleRules> rules;

    RuleApplication(Function<dev.muster.organization.OrganizationId, RoleRules> rules) {
        this.rules = rules;
    }

    /** What the rules decided for a member, resolved to ids. */
    record Decided(Member member, Set<GroupId> groups, Map<CollectionId, AccessLevel> grants) {
    }

    /**
     * Decides role and rule grants.
     *
     * @param groupIds the member's groups from every origin but {@code RULES}
     * @param requestedRole an explicit role from the source, or {@code null}
     */
    Decided decide(Item item, Member member, Set<GroupId> groupIds, Role requestedRole,
                   Set<Permission> requestedPermissions) {
        var names = new HashSet<String>();
        var externalIds = new HashSet<String>();
        for (GroupId id : groupIds) {
            item.store.groups().find(item.organization.id(), id).ifPresent(g -> {
                names.add(g.name());
                if (g.externalId() != null) {
                    externalIds.add(g.externalId());
                }
            });
        }
        var facts = new PersonFacts(item.organization.id(), item.source(), member.email(), names, externalIds,
                member.attributes(), sources(item, member));
        RoleDecision decision = rules.apply(item.organization.id()).decide(facts);
        var explanation = new ArrayList<>(decision.explanation());
        Member decided = withRole(member, decision, requestedRole, requestedPermissions, explanation);
        decided = decided.withExplanation(explanation);
        return new Decided(decided, resolveGroups(item, decision.groups(), explanation),
                resolveGrants(item, decision.grants(), explanation));
    }

    /**
     * The sources the person is known to. A re-evaluation runs as {@code MANUAL}; it adds no source of its own,
     * so that a rule over sources answers the same whichever path or re-evaluation asks.
     */
    private static Set<dev.muster.organization.Source> sources(Item item, Member member) {
        var sources = java.util.EnumSet.noneOf(dev.muster.organization.Source.class);
        member.identities().forEach(i -> sources.add(i.source()));
        if (item.source() != dev.muster.organization.Source.MANUAL || sources.isEmpty()) {
            sources.add(item.source());
        }
        return sources;
    }

    private Member withRole(Member member, RoleDecision decision, Role requestedRole,
                            Set<Permission> requestedPermissions, List<String> explanation) {
        Role role = decision.role();
        Set<Permission> permissions = decision.permissions();
        if (requestedRole != null) {
            role = requestedRole;
            permissions = requestedPermissions;
            explanation.add("role " + requestedRole + " requested by the source");
        }
        if (member.rolePinned()) {
            explanation.add("role " + member.role() + " pinned by an admin");
            return member;
        }
        if (member.role() == Role.OWNER && role != Role.OWNER) {
            explanation.add("owner protected: rules do not remove owners");
            return member;
        }
        if (role == Role.OWNER && !decision.allowOwner()) {
            explanation.add("owner not granted: no rule explicitly allows it");
            return member;
        }
        return member.withRole(role, permissions, false);
    }

    private Set<GroupId> resolveGroups(Item item, Set<String> names, List<String> explanation) {
        var ids = new HashSet<GroupId>();
        for (String name : names) {
            Optional<Group> group = item.store.groups().findByName(item.organization.id(), name);
            if (group.isPresent()) {
                ids.add(group.get().id());
            } else {
                explanation.add("group \"" + name + "\" does not exist: not joined");
            }
        }
        return ids;
    }

    private Map<CollectionId, AccessLevel> resolveGrants(Item item, Map<String, AccessLevel> grants,
                                                         List<String> explanation) {
        var ids = new HashMap<CollectionId, AccessLevel>();
        grants.forEach((name, level) -> item.store.collections().findByName(item.organization.id(), name)
                .ifPresentOrElse(c -> ids.merge(c.id(), level, AccessLevel::max),
                        () -> explanation.add("collection \"" + name + "\" does not exist: not granted")));
        return ids;
    }

    /** Whether the organization's rules can decide differently when a member's groups change. */
    boolean readGroups(Item item) {
        return rules.apply(item.organization.id()).readsGroups();
    }

    /** Makes the member's memberships of one origin exactly {@code desired}. */
    void syncMemberships(Item item, Member member, Origin origin, Set<GroupId> desired) {
        var org = item.organization.id();
        var current = new HashSet<GroupId>();
        for (GroupMembership m : item.isNew(member.id()) ? List.<GroupMembership>of()
                : item.store.groups().membershipsOf(org, member.id())) {
            if (m.origin() == origin) {
                current.add(m.groupId());
            }
        }
        for (GroupId id : desired) {
            if (!current.contains(id)) {
                item.store.groups().addMembership(org, new GroupMembership(id, member.id(), origin));
                item.change(Change.Kind.GROUP_JOINED, null, groupName(item, id) + " (" + origin + ")");
                item.audit(AuditEventType.MEMBER_GROUPS_CHANGED, member.id(),
                        member.email() + " joined " + groupName(item, id), "origin " + origin);
            }
        }
        for (GroupId id : current) {
            if (!desired.contains(id)) {
                item.store.groups().removeMembership(org, new GroupMembership(id, member.id(), origin));
                item.change(Change.Kind.GROUP_LEFT, groupName(item, id) + " (" + origin + ")", null);
                item.audit(AuditEventType.MEMBER_GROUPS_CHANGED, member.id(),
                        member.email() + " left " + groupName(item, id), "origin " + origin);
            }
        }
    }

    /** Makes the member's direct grants of one origin exactly {@code desired}. */
    void syncGrants(Item item, Member member, Origin origin, Map<CollectionId, AccessLevel> desired) {
        var org = item.organization.id();
        var grantee = new Grantee.OfMember(member.id());
        var current = new HashMap<CollectionId, AccessLevel>();
        for (CollectionGrant g : item.isNew(member.id()) ? List.<CollectionGrant>of()
                : item.store.collections().grantsOf(org, grantee)) {
            if (g.origin() == origin) {
                current.put(g.collectionId(), g.level());
            }
        }
        desired.forEach((collection, level) -> {
            AccessLevel before = current.get(collection);
            if (before != level) {
                item.store.collections().grant(org, new CollectionGrant(collection, grantee, level, origin));
                String what = collectionName(item, collection) + " " + level + " (" + origin + ")";
                if (before == null) {
                    item.change(Change.Kind.GRANT_ADDED, null, what);
                } else {
                    item.change(Change.Kind.GRANT_CHANGED, collectionName(item, collection) + " " + before, what);
                }
                item.audit(AuditEventType.MEMBER_GRANTS_CHANGED, member.id(), member.email() + ": " + what,
                        "origin " + origin);
            }
        });
        current.forEach((collection, level) -> {
            if (!desired.containsKey(collection)) {
                item.store.collections().revoke(org, new CollectionGrant(collection, grantee, level, origin));
                String what = collectionName(item, collection) + " " + level + " (" + origin + ")";
                item.change(Change.Kind.GRANT_REMOVED, what, null);
                item.audit(AuditEventType.MEMBER_GRANTS_CHANGED, member.id(), member.email() + " lost " + what,
                        "origin " + origin);
            }
        });
    }

    /** The member's groups from every origin except {@code RULES}, as stored. */
    static Set<GroupId> nonRuleGroups(Item item, Member member) {
        var ids = new HashSet<GroupId>();
        for (GroupMembership m : item.store.groups().membershipsOf(item.organization.id(), member.id())) {
            if (m.origin() != Origin.RULES) {
                ids.add(m.groupId());
            }
        }
        return ids;
    }

    private static String groupName(Item item, GroupId id) {
        return item.store.groups().find(item.organization.id(), id).map(Group::name).orElse(id.toString());
    }

    private static String collectionName(Item item, CollectionId id) {
        return item.store.collections().find(item.organization.id(), id)
                .map(dev.muster.organization.Collection::name).orElse(id.toString());
    }
}
