package dev.muster.readiness.web;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Collection;
import dev.muster.organization.Collections;
import dev.muster.organization.Group;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.Role;
import dev.muster.readiness.storage.JdbcReadinessState;
import dev.muster.readiness.storage.JdbcReadinessState.Kind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Removes trial data: collections, groups and non-owner members created before a cutoff or marked as test data.
 * Owners are always kept. The dry run computes the same plan that applying deletes, in one transaction.
 */
@Service
class TestDataPurge {
    private final Ports ports;
    private final JdbcReadinessState state;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** The storage ports a purge reads and deletes through. */
    record Ports(Collections collections, Groups groups, Members members, AuditLog audit) {
    }

    TestDataPurge(Collections collections, Groups groups, Members members, AuditLog audit, JdbcReadinessState state,
                  TransactionTemplate transactions, Clock clock) {
        this.ports = new Ports(collections, groups, members, audit);
        this.state = state;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One thing that goes (or, for owners, stays), and why. */
    record Entry(String id, String name, String why) {
    }

    record Plan(boolean dryRun, Instant before, List<Entry> collections, List<Entry> groups, List<Entry> members,
                List<Entry> keptOwners) {
        int size() {
            return collections.size() + groups.size() + members.size();
        }
    }

    Plan purge(OrganizationId org, Instant before, boolean dryRun, Actor actor) {
        if (before != null && before.isAfter(clock.instant())) {
            throw new ReadinessRefused(HttpStatus.BAD_REQUEST, "invalid-value",
                    "before must not be in the future: " + before);
        }
        return transactions.execute(status -> {
            Plan plan = plan(org, before, dryRun);
            if (!dryRun) {
                apply(org, plan, actor);
            }
            return plan;
        });
    }

    private Plan plan(OrganizationId org, Instant before, boolean dryRun) {
        var collections = new ArrayList<Entry>();
        Set<UUID> markedCollections = state.marked(org, Kind.COLLECTION);
        for (Collection c : ports.collections().list(org)) {
            why(markedCollections.contains(c.id().value()), c.createdAt(), before)
                    .ifPresent(why -> collections.add(new Entry(c.id().toString(), c.name(), why)));
        }
        var groups = new ArrayList<Entry>();
        Set<UUID> markedGroups = state.marked(org, Kind.GROUP);
        for (Group g : ports.groups().list(org)) {
            why(markedGroups.contains(g.id().value()), g.createdAt(), before)
                    .ifPresent(why -> groups.add(new Entry(g.id().toString(), g.name(), why)));
        }
        var members = new ArrayList<Entry>();
        var owners = new ArrayList<Entry>();
        Set<UUID> markedMembers = state.marked(org, Kind.MEMBER);
        for (Member m : allMembers(org)) {
            why(markedMembers.contains(m.id().value()), m.createdAt(), before).ifPresent(why ->
                    (m.role() == Role.OWNER ? owners : members).add(new Entry(m.id().toString(), m.email(),
                            m.role() == Role.OWNER ? why + "; kept: owners are never purged" : why)));
        }
        return new Plan(dryRun, before, collections, groups, members, owners);
    }

    private static java.util.Optional<String> why(boolean marked, Instant created, Instant before) {
        if (marked) {
            return java.util.Optional.of("marked as test data");
        }
        if (before != null && created.isBefore(before)) {
            return java.util.Optional.of("created " + created + ", before " + before);
        }
        return java.util.Optional.empty();
    }

    private void apply(OrganizationId org, Plan plan, Actor actor) {
        Instant now = clock.instant();
        for (Entry e : plan.members()) {
            ports.members().delete(org, dev.muster.organization.MemberId.of(e.id()));
            audit(org, now, actor, AuditEventType.MEMBER_REMOVED, e, Kind.MEMBER);
        }
        for (Entry e : plan.groups()) {
            ports.groups().delete(org, dev.muster.organization.GroupId.of(e.id()));
            audit(org, now, actor, AuditEventType.GROUP_DELETED, e, Kind.GROUP);
        }
        for (Entry e : plan.collections()) {
            ports.collections().delete(org, dev.muster.organization.CollectionId.of(e.id()));
            audit(org, now, actor, AuditEventType.COLLECTION_DELETED, e, Kind.COLLECTION);
        }
        state.purged(org, now);
        ports.audit().record(new AuditEvent(org, now, actor, AuditEventType.ORGANIZATION_PURGED, org.toString(),
                plan.collections().size() + " collections, " + plan.groups().size() + " groups, "
                        + plan.members().size() + " members purged; " + plan.keptOwners().size() + " owners kept",
                plan.before() == null ? "test data purge" : "test data purge, cutoff " + plan.before()));
    }

    private void audit(OrganizationId org, Instant now, Actor actor, AuditEventType type, Entry entry, Kind kind) {
        state.unmark(org, kind, UUID.fromString(entry.id()));
        ports.audit().record(new AuditEvent(org, now, actor, type, entry.id(), entry.name() + " purged",
                entry.why()));
    }

    private List<Member> allMembers(OrganizationId org) {
        var all = new ArrayList<Member>();
        long offset = 0;
        while (true) {
            Page<Member> page = ports.members().list(new MemberQuery(org, null, null, null, offset, 1000));
            all.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return all;
            }
        }
    }
}
