package dev.muster.onboarding;

import dev.muster.onboarding.OnboardingCommand.UpsertPerson;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Emails;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.GroupId;
import dev.muster.organization.Invitations;
import dev.muster.organization.Member;
import dev.muster.organization.MemberGuards;
import dev.muster.organization.Origin;
import dev.muster.organization.Role;
import dev.muster.organization.Verdict;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Creates and updates people as a source describes them: correlate, profile, groups, rules, lifecycle. */
final class PersonSteps {
    private final RuleApplication rules;
    private final Lifecycle lifecycle;
    private final Invitations invitations;

    PersonSteps(RuleApplication rules, Lifecycle lifecycle, Invitations invitations) {
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.invitations = invitations;
    }

    ItemOutcome upsert(Item item, UpsertPerson command) {
        if (!Emails.isValid(command.email())) {
            return new ItemOutcome.Rejected("invalid-email", "not a valid e-mail address: " + command.email());
        }
        if (command.requestedRole() == Role.OWNER) {
            return new ItemOutcome.Rejected("owner-not-allowed",
                    "owners are made by an owner in the members API, not by " + item.source());
        }
        var guards = lifecycle.guards(item);
        if (command.requestedRole() != null) {
            Verdict verdict = guards.mayGrant(command.requestedRole(), command.requestedPermissions());
            if (verdict instanceof Verdict.Denied denied) {
                return new ItemOutcome.Rejected(denied.rule(), denied.reason());
            }
        }
        var identity = new ExternalIdentity(item.source(), command.sourceId());
        var org = item.organization.id();
        Optional<Member> linked = item.store.members().findByIdentity(org, identity);
        Member before;
        Member member;
        if (linked.isPresent()) {
            before = linked.get();
            member = before;
            Optional<ItemOutcome> conflict = emailTakenByAnother(item, before, command.email());
            if (conflict.isPresent()) {
                return conflict.get();
            }
        } else {
            Optional<Member> sameEmail = item.store.members().findByEmail(org, command.email());
            if (sameEmail.isPresent()) {
                Optional<ExternalIdentity> other = sameEmail.get().identity(item.source());
                if (other.isPresent()) {
                    return new ItemOutcome.Skipped(sameEmail.get().id().toString(), "duplicate-email",
                            "e-mail " + command.email() + " already belongs to " + item.source() + " entry "
                                    + other.get().sourceId() + "; " + command.sourceId() + " is not applied");
                }
                before = sameEmail.get();
                member = before.withIdentity(identity);
                item.change(Change.Kind.IDENTITY_LINKED, null, identity.source() + ":" + identity.sourceId());
            } else {
                before = null;
                member = Member.newMember(org, command.email(), command.name(), Map.of(), identity, item.now);
                item.change(Change.Kind.CREATED, null, Emails.normalize(command.email()));
            }
        }
        if (before != null && !command.active() && !before.isRevoked()) {
            Verdict verdict = guards.mayActOn(before, before.role());
            if (verdict instanceof Verdict.Denied denied) {
                return new ItemOutcome.Skipped(before.id().toString(), denied.rule(), denied.reason());
            }
        }
        member = profile(item, before, member, command);
        Set<GroupId> sourceGroups = sourceGroups(item, member, command);
        Set<GroupId> groupIds = before == null ? new HashSet<>() : RuleApplication.nonRuleGroups(item, before);
        if (command.groups() != null) {
            if (before != null) {
                groupIds.removeAll(currentOfOrigin(item, before, item.source().origin()));
            }
            groupIds.addAll(sourceGroups);
        }
        var decided = rules.decide(item, member, groupIds, command.requestedRole(),
                command.requestedPermissions());
        member = decided.member();
        if (before != null && before.role() != member.role()) {
            item.change(Change.Kind.ROLE_CHANGED, before.role(), member.role());
        } else if (before != null && !before.permissions().equals(member.permissions())) {
            item.change(Change.Kind.ROLE_CHANGED, before.role() + " " + before.permissions(),
                    member.role() + " " + member.permissions());
        }
        member = before == null
                ? lifecycle.admit(item, member, command.active())
                : lifecycle.follow(item, member, command.active());
        member = save(item, before, member);
        if (command.groups() != null) {
            rules.syncMemberships(item, member, item.source().origin(), sourceGroups);
        }
        rules.syncGrants(item, member, item.source().origin(), directGrants(item, command));
        rules.syncMemberships(item, member, Origin.RULES, decided.groups());
        rules.syncGrants(item, member, Origin.RULES, decided.grants());
        if (before == null && member.status() == dev.muster.organization.MemberStatus.INVITED) {
            invitations.invite(member);
        }
        item.upserted = member;
        return item.appliedOrUnchanged(member.id());
    }

    private Optional<ItemOutcome> emailTakenByAnother(Item item, Member member, String email) {
        if (Emails.key(member.email()).equals(Emails.key(email))) {
            return Optional.empty();
        }
        return item.store.members().findByEmail(item.organization.id(), email)
                .filter(other -> !other.id().equals(member.id()))
                .map(other -> new ItemOutcome.Skipped(member.id().toString(), "duplicate-email",
                        "cannot change e-mail of " + member.email() + " to " + email
                                + ": it belongs to another member (" + other.id() + ")"));
    }

    private Member profile(Item item, Member before, Member member, UpsertPerson command) {
        String name = command.name() != null && !command.name().isBlank() ? command.name() : member.name();
        var attributes = new HashMap<>(member.attributes());
        command.attributes().forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                attributes.remove(k);
            } else {
                attributes.put(k, v);
            }
        });
        Member next = member.withProfile(command.email(), name, attributes);
        if (before != null) {
            if (!before.email().equals(next.email())) {
                item.change(Change.Kind.EMAIL_CHANGED, before.email(), next.email());
            }
            if (!Objects.equals(before.name(), next.name())) {
                item.change(Change.Kind.NAME_CHANGED, before.name(), next.name());
            }
            if (!before.attributes().equals(next.attributes())) {
                item.change(Change.Kind.ATTRIBUTES_CHANGED, before.attributes(), next.attributes());
            }
        } else if (next.name() != null || !next.attributes().isEmpty()) {
            return next;
        }
        return next;
    }

    private Set<GroupId> sourceGroups(Item item, Member member, UpsertPerson command) {
        var ids = new HashSet<GroupId>();
        var org = item.organization.id();
        if (command.groups() != null) {
            for (String sourceId : command.groups()) {
                item.store.groups().findByIdentity(org, new ExternalIdentity(item.source(), sourceId))
                        .ifPresent(g -> ids.add(g.id()));
            }
        }
        for (String name : command.groupNames()) {
            ids.add(item.store.groups().findByName(org, name)
                    .orElseThrow(() -> new Item.Abort(new ItemOutcome.Rejected("unknown-group",
                            "group \"" + name + "\" does not exist in the organization")))
                    .id());
        }
        return ids;
    }

    private static Set<GroupId> currentOfOrigin(Item item, Member member, Origin origin) {
        var ids = new HashSet<GroupId>();
        item.store.groups().membershipsOf(item.organization.id(), member.id()).stream()
                .filter(m -> m.origin() == origin).forEach(m -> ids.add(m.groupId()));
        return ids;
    }

    private Map<CollectionId, AccessLevel> directGrants(Item item, UpsertPerson command) {
        var grants = new HashMap<CollectionId, AccessLevel>();
        for (OnboardingCommand.RequestedGrant grant : command.grants()) {
            var collection = item.store.collections().findByName(item.organization.id(), grant.collection())
                    .orElseThrow(() -> new Item.Abort(new ItemOutcome.Rejected("unknown-collection",
                            "collection \"" + grant.collection() + "\" does not exist in the organization")));
            grants.merge(collection.id(), grant.level(), AccessLevel::max);
        }
        return grants;
    }

    private Member save(Item item, Member before, Member member) {
        if (before == null) {
            Member saved = item.store.members().insert(member.touched(item.now));
            item.created(saved.id());
            item.audit(saved.status() == dev.muster.organization.MemberStatus.INVITED
                            ? AuditEventType.MEMBER_INVITED : AuditEventType.MEMBER_STAGED, saved.id(),
                    saved.email() + " provisioned as " + saved.role(), "provisioned by " + item.source());
            return saved;
        }
        if (sameState(before, member)) {
            return before;
        }
        Member saved = item.store.members().update(member.touched(item.now));
        if (!item.changes.isEmpty()) {
            item.audit(AuditEventType.MEMBER_UPDATED, saved.id(), saved.email() + ": " + item.changes,
                    "updated by " + item.source());
        }
        if (before.role() != saved.role()) {
            item.audit(AuditEventType.MEMBER_ROLE_CHANGED, saved.id(),
                    saved.email() + " role " + before.role() + " -> " + saved.role(),
                    String.join("; ", saved.explanation()));
            item.events.add(new OnboardingEvent.RoleChanged(saved.organizationId(), saved.id(), before.role(),
                    saved.role()));
        }
        return saved;
    }

    /** Equal apart from bookkeeping (update time and version). */
    static boolean sameState(Member a, Member b) {
        return a.touched(b.updatedAt()).equals(new Member(b.id(), b.organizationId(), b.email(), b.name(),
                b.attributes(), b.identities(), b.status(), b.previousStatus(), b.revocationReason(),
                b.removeAfter(), b.role(), b.permissions(), b.rolePinned(), b.explanation(), b.createdAt(),
                b.updatedAt(), a.version()));
    }

    /** Guards as the batch's actor sees them. */
    static MemberGuards guardsFor(Item item, Member actingMember) {
        return new MemberGuards(item.actor(), actingMember);
    }
}
