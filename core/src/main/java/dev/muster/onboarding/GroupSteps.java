package dev.muster.onboarding;

import dev.muster.organization.AuditEventType;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Group;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.Origin;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Groups as a source describes them. Membership changes re-run the role rules of the members they touch, since
 * rules match on groups.
 */
final class GroupSteps {
    /** How many joined (and how many left) members a group's item names one by one. */
    static final int LISTED = 100;

    private final PersonStatusSteps people;

    GroupSteps(PersonStatusSteps people) {
        this.people = people;
    }

    ItemOutcome upsert(Item item, OnboardingCommand.UpsertGroup command) {
        var org = item.organization.id();
        var identity = new ExternalIdentity(item.source(), command.sourceId());
        Optional<Group> found = item.store.groups().findByIdentity(org, identity);
        if (found.isPresent()) {
            Group before = found.get();
            Group after = before.renamed(command.name(), command.externalId(), item.now);
            if (before.name().equals(after.name()) && Objects.equals(before.externalId(), after.externalId())) {
                return new ItemOutcome.Unchanged(before.id().toString());
            }
            item.store.groups().update(after);
            item.change(Change.Kind.GROUP_RENAMED, before.name(), after.name());
            item.audit(AuditEventType.GROUP_UPDATED, before.id(), before.name() + " -> " + after.name(),
                    "renamed by " + item.source());
            return item.appliedOrUnchanged(before.id());
        }
        Optional<Group> sameName = item.store.groups().findByName(org, command.name());
        if (sameName.isPresent()) {
            Group existing = sameName.get();
            if (existing.identity() != null) {
                return new ItemOutcome.Skipped(existing.id().toString(), "duplicate-group-name",
                        "a group named \"" + command.name() + "\" is already managed by "
                                + existing.identity().source() + " entry " + existing.identity().sourceId());
            }
            item.store.groups().update(existing.withIdentity(identity, item.now));
            item.change(Change.Kind.IDENTITY_LINKED, null, identity.source() + ":" + identity.sourceId());
            item.audit(AuditEventType.GROUP_UPDATED, existing.id(), existing.name() + " linked to "
                    + identity.source(), "same name");
            return item.appliedOrUnchanged(existing.id());
        }
        Group created = item.store.groups().insert(Group.newGroup(org, command.name(), command.externalId(),
                identity, item.now));
        item.change(Change.Kind.GROUP_CREATED, null, created.name());
        item.audit(AuditEventType.GROUP_CREATED, created.id(), created.name(), "created by " + item.source());
        return item.appliedOrUnchanged(created.id());
    }

    ItemOutcome delete(Item item, OnboardingCommand.DeleteGroup command) {
        var org = item.organization.id();
        Optional<Group> found = item.store.groups().findByIdentity(org,
                new ExternalIdentity(item.source(), command.sourceId()));
        if (found.isEmpty()) {
            return new ItemOutcome.Rejected("no-target", "no group with " + item.source() + " id "
                    + command.sourceId());
        }
        Group group = found.get();
        List<GroupMembership> memberships = item.store.groups().memberships(org, group.id());
        item.store.groups().delete(org, group.id());
        item.change(Change.Kind.GROUP_DELETED, group.name(), null);
        item.audit(AuditEventType.GROUP_DELETED, group.id(), group.name(), "deleted by " + item.source());
        people.groupsChanged(item, memberships.stream().map(GroupMembership::memberId).distinct().toList());
        return item.appliedOrUnchanged(group.id());
    }

    /**
     * Each member who joined or left is named as a change of the item, up to {@value #LISTED} of each; the rest are
     * one change that counts them. A first sync of a large directory puts everyone in its root group, and a run item
     * naming 100,000 people would only make the run history heavy to store and to read.
     */
    private static void listChanges(Item item, Change.Kind kind, List<MemberId> members, Map<MemberId, String> emails,
                                    String group) {
        var texts = new java.util.ArrayList<String>();
        members.stream().limit(LISTED)
                .forEach(id -> texts.add(emails.getOrDefault(id, id.toString()) + " -> " + group));
        if (members.size() > LISTED) {
            texts.add((members.size() - LISTED) + " more members -> " + group);
        }
        // a member who left is what the change was "from", one who joined what it is "to"
        boolean left = kind == Change.Kind.GROUP_LEFT;
        texts.forEach(text -> item.change(kind, left ? text : null, left ? null : text));
    }

    ItemOutcome setMembers(Item item, OnboardingCommand.SetGroupMembers command) {
        var org = item.organization.id();
        Optional<Group> found = item.store.groups().findByIdentity(org,
                new ExternalIdentity(item.source(), command.groupSourceId()));
        if (found.isEmpty()) {
            return new ItemOutcome.Rejected("no-target", "no group with " + item.source() + " id "
                    + command.groupSourceId());
        }
        Group group = found.get();
        Origin origin = item.source().origin();
        var desired = new HashSet<MemberId>();
        var unknown = new HashSet<String>();
        Map<String, MemberId> known = item.store.members().idsByIdentity(org, item.source(),
                command.memberSourceIds());
        for (String sourceId : command.memberSourceIds()) {
            MemberId id = known.get(sourceId);
            if (id == null) {
                unknown.add(sourceId);
            } else {
                desired.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            return new ItemOutcome.Rejected("no-target", "no member with " + item.source() + " id "
                    + String.join(", ", new java.util.TreeSet<>(unknown)));
        }
        Set<MemberId> current = new HashSet<>();
        item.store.groups().memberships(org, group.id()).stream().filter(m -> m.origin() == origin)
                .forEach(m -> current.add(m.memberId()));
        var joined = new java.util.ArrayList<MemberId>();
        var left = new java.util.ArrayList<MemberId>();
        for (MemberId id : desired) {
            if (current.add(id)) {
                joined.add(id);
            }
        }
        item.store.groups().addMemberships(org, joined.stream()
                .map(id -> new GroupMembership(group.id(), id, origin)).toList());
        for (MemberId id : List.copyOf(current)) {
            if (!desired.contains(id)) {
                item.store.groups().removeMembership(org, new GroupMembership(group.id(), id, origin));
                left.add(id);
            }
        }
        var touched = new HashSet<MemberId>(joined);
        touched.addAll(left);
        var named = new HashSet<MemberId>(joined.subList(0, Math.min(joined.size(), LISTED)));
        named.addAll(left.subList(0, Math.min(left.size(), LISTED)));
        Map<MemberId, String> emails = item.store.members().emails(org, named);
        listChanges(item, Change.Kind.GROUP_JOINED, joined, emails, group.name());
        listChanges(item, Change.Kind.GROUP_LEFT, left, emails, group.name());
        if (!touched.isEmpty()) {
            item.audit(AuditEventType.GROUP_UPDATED, group.id(), group.name() + " members changed: "
                    + touched.size(), "members set by " + item.source());
        }
        people.groupsChanged(item, touched);
        return item.appliedOrUnchanged(group.id());
    }
}
