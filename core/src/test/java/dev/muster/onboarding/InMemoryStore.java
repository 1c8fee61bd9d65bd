package dev.muster.onboarding;

import dev.muster.organization.AppliedMark;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.Emails;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Grantee;
import dev.muster.organization.Group;
import dev.muster.organization.GroupId;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import dev.muster.organization.Page;
import dev.muster.organization.Policies;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.organization.StaleVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Test double of the storage ports: plain maps, with transactions as snapshots restored on failure or
 * rollback. Used by the core's unit tests only; the application uses the JDBC adapters.
 */
final class InMemoryStore {

    /** Everything stored, copied whole to take a snapshot. */
    private static final class State {
        Map<OrganizationId, Organization> organizations = new LinkedHashMap<>();
        Map<MemberId, Member> members = new LinkedHashMap<>();
        Map<GroupId, Group> groups = new LinkedHashMap<>();
        Set<GroupMembership> memberships = new LinkedHashSet<>();
        Map<CollectionId, Collection> collections = new LinkedHashMap<>();
        List<CollectionGrant> grants = new ArrayList<>();
        Map<String, Policy> policies = new LinkedHashMap<>();
        List<AuditEvent> audit = new ArrayList<>();
        Map<RunId, Run> runs = new LinkedHashMap<>();
        Map<RunId, List<ItemResult>> items = new LinkedHashMap<>();
        Map<ExternalIdentity, Map.Entry<String, Long>> marks = new LinkedHashMap<>();

        State copy() {
            State s = new State();
            s.organizations = new LinkedHashMap<>(organizations);
            s.members = new LinkedHashMap<>(members);
            s.groups = new LinkedHashMap<>(groups);
            s.memberships = new LinkedHashSet<>(memberships);
            s.collections = new LinkedHashMap<>(collections);
            s.grants = new ArrayList<>(grants);
            s.policies = new LinkedHashMap<>(policies);
            s.audit = new ArrayList<>(audit);
            s.runs = new LinkedHashMap<>(runs);
            s.items = new LinkedHashMap<>(items);
            s.marks = new LinkedHashMap<>(marks);
            return s;
        }
    }

    private State state = new State();
    /** How many marks were written, to show that skipped people cost no write. */
    int markWrites;

    final Store store = new Store(new Tx(), new Orgs(), new MemberMap(), new GroupMap(), new CollectionMap(),
            new PolicyMap(), new Audit(), new RunMap());

    List<AuditEvent> audit() {
        return List.copyOf(state.audit);
    }

    List<GroupMembership> memberships() {
        return List.copyOf(state.memberships);
    }

    List<CollectionGrant> grants() {
        return List.copyOf(state.grants);
    }

    final class Tx implements Transactions {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            State before = state.copy();
            try {
                return work.get();
            } catch (RuntimeException e) {
                state = before;
                throw e;
            }
        }

        @Override
        public <T> T rolledBack(Supplier<T> work) {
            State before = state.copy();
            try {
                return work.get();
            } finally {
                state = before;
            }
        }
    }

    final class Orgs implements Organizations {
        public Organization insert(Organization o) {
            state.organizations.put(o.id(), o);
            return o;
        }

        public Optional<Organization> find(OrganizationId id) {
            return Optional.ofNullable(state.organizations.get(id));
        }

        public List<Organization> list() {
            return List.copyOf(state.organizations.values());
        }

        public Organization update(Organization o) {
            Organization stored = state.organizations.get(o.id());
            if (stored == null || stored.version() != o.version()) {
                throw new StaleVersion("organization " + o.id());
            }
            Organization next = new Organization(o.id(), o.name(), o.plan(), o.seats(), o.seatLimit(),
                    o.settings(), o.createdAt(), o.version() + 1);
            state.organizations.put(o.id(), next);
            return next;
        }
    }

    final class MemberMap implements Members {
        public Optional<Member> find(OrganizationId org, MemberId id) {
            return Optional.ofNullable(state.members.get(id)).filter(m -> m.organizationId().equals(org));
        }

        public Optional<Member> findByIdentity(OrganizationId org, ExternalIdentity identity) {
            return state.members.values().stream()
                    .filter(m -> m.organizationId().equals(org) && m.identities().contains(identity)).findFirst();
        }

        public Optional<Member> findByEmail(OrganizationId org, String email) {
            return state.members.values().stream().filter(m -> m.organizationId().equals(org)
                    && Emails.key(m.email()).equals(Emails.key(email))).findFirst();
        }

        public Member insert(Member m) {
            if (findByEmail(m.organizationId(), m.email()).isPresent()) {
                throw new IllegalStateException("duplicate e-mail " + m.email());
            }
            state.members.put(m.id(), m);
            return m;
        }

        public Member update(Member m) {
            Member stored = state.members.get(m.id());
            if (stored == null || stored.version() != m.version()) {
                throw new StaleVersion("member " + m.id());
            }
            Optional<Member> sameEmail = findByEmail(m.organizationId(), m.email());
            if (sameEmail.isPresent() && !sameEmail.get().id().equals(m.id())) {
                throw new IllegalStateException("duplicate e-mail " + m.email());
            }
            Member next = new Member(m.id(), m.organizationId(), m.email(), m.name(), m.attributes(), m.identities(),
                    m.status(), m.previousStatus(), m.revocationReason(), m.removeAfter(), m.role(), m.permissions(),
                    m.rolePinned(), m.explanation(), m.createdAt(), m.updatedAt(), m.version() + 1);
            state.members.put(m.id(), next);
            return next;
        }

        public void delete(OrganizationId org, MemberId id) {
            state.members.remove(id);
            state.memberships.removeIf(m -> m.memberId().equals(id));
            state.grants.removeIf(g -> g.grantee().equals(new Grantee.OfMember(id)));
        }

        public Page<Member> list(MemberQuery q) {
            List<Member> all = state.members.values().stream()
                    .filter(m -> m.organizationId().equals(q.organizationId()))
                    .filter(m -> q.status() == null || m.status() == q.status())
                    .filter(m -> q.role() == null || m.role() == q.role())
                    .filter(m -> q.source() == null || m.identity(q.source()).isPresent())
                    .collect(Collectors.toList());
            List<Member> page = all.stream().skip(q.offset()).limit(q.limit()).collect(Collectors.toList());
            return new Page<>(page, all.size(), q.offset(), q.limit());
        }

        public long countOccupyingSeats(OrganizationId org) {
            return state.members.values().stream()
                    .filter(m -> m.organizationId().equals(org) && m.status().occupiesSeat()).count();
        }

        public long countConfirmedOwners(OrganizationId org) {
            return state.members.values().stream().filter(m -> m.organizationId().equals(org)
                    && m.role() == Role.OWNER && m.status() == MemberStatus.CONFIRMED).count();
        }

        public Set<String> sourceIds(OrganizationId org, Source source) {
            return state.members.values().stream().filter(m -> m.organizationId().equals(org))
                    .flatMap(m -> m.identity(source).stream()).map(ExternalIdentity::sourceId)
                    .collect(Collectors.toSet());
        }

        public Map<String, MemberId> idsByIdentity(OrganizationId org, Source source,
                                                   java.util.Collection<String> sourceIds) {
            var ids = new LinkedHashMap<String, MemberId>();
            for (String sourceId : sourceIds) {
                findByIdentity(org, new ExternalIdentity(source, sourceId)).ifPresent(m -> ids.put(sourceId, m.id()));
            }
            return ids;
        }

        public Map<MemberId, String> emails(OrganizationId org, java.util.Collection<MemberId> ids) {
            var emails = new LinkedHashMap<MemberId, String>();
            ids.forEach(id -> find(org, id).ifPresent(m -> emails.put(id, m.email())));
            return emails;
        }

        public Map<String, AppliedMark> appliedMarks(OrganizationId org, Source source,
                                                     java.util.Collection<String> sourceIds) {
            var marks = new LinkedHashMap<String, AppliedMark>();
            for (String sourceId : sourceIds) {
                var identity = new ExternalIdentity(source, sourceId);
                var mark = state.marks.get(identity);
                findByIdentity(org, identity).filter(m -> mark != null && m.version() == mark.getValue())
                        .ifPresent(m -> marks.put(sourceId, new AppliedMark(m.id(), mark.getKey())));
            }
            return marks;
        }

        public void markApplied(OrganizationId org, ExternalIdentity identity, String fingerprint, long version) {
            markWrites++;
            state.marks.put(identity, Map.entry(fingerprint, version));
        }

        public List<Member> dueForRemoval(Instant now, int limit) {
            return state.members.values().stream()
                    .filter(m -> m.removeAfter() != null && !m.removeAfter().isAfter(now))
                    .limit(limit).collect(Collectors.toList());
        }
    }

    final class GroupMap implements Groups {
        public Optional<Group> find(OrganizationId org, GroupId id) {
            return Optional.ofNullable(state.groups.get(id)).filter(g -> g.organizationId().equals(org));
        }

        public Optional<Group> findByIdentity(OrganizationId org, ExternalIdentity identity) {
            return state.groups.values().stream()
                    .filter(g -> g.organizationId().equals(org) && identity.equals(g.identity())).findFirst();
        }

        public Optional<Group> findByName(OrganizationId org, String name) {
            return state.groups.values().stream()
                    .filter(g -> g.organizationId().equals(org) && g.name().equalsIgnoreCase(name)).findFirst();
        }

        public Group insert(Group g) {
            state.groups.put(g.id(), g);
            return g;
        }

        public Group update(Group g) {
            Group stored = state.groups.get(g.id());
            if (stored == null || stored.version() != g.version()) {
                throw new StaleVersion("group " + g.id());
            }
            Group next = new Group(g.id(), g.organizationId(), g.name(), g.externalId(), g.identity(),
                    g.createdAt(), g.updatedAt(), g.version() + 1);
            state.groups.put(g.id(), next);
            return next;
        }

        public void delete(OrganizationId org, GroupId id) {
            state.groups.remove(id);
            state.memberships.removeIf(m -> m.groupId().equals(id));
            state.grants.removeIf(g -> g.grantee().equals(new Grantee.OfGroup(id)));
        }

        public List<Group> list(OrganizationId org) {
            return state.groups.values().stream().filter(g -> g.organizationId().equals(org))
                    .collect(Collectors.toList());
        }

        public List<GroupMembership> memberships(OrganizationId org, GroupId group) {
            return state.memberships.stream().filter(m -> m.groupId().equals(group)).collect(Collectors.toList());
        }

        public List<GroupMembership> membershipsOf(OrganizationId org, MemberId member) {
            return state.memberships.stream().filter(m -> m.memberId().equals(member)).collect(Collectors.toList());
        }

        public void addMembership(OrganizationId org, GroupMembership m) {
            state.memberships.add(m);
        }

        public void removeMembership(OrganizationId org, GroupMembership m) {
            state.memberships.remove(m);
        }
    }

    final class CollectionMap implements Collections {
        public Optional<Collection> find(OrganizationId org, CollectionId id) {
            return Optional.ofNullable(state.collections.get(id));
        }

        public Optional<Collection> findByName(OrganizationId org, String name) {
            return state.collections.values().stream()
                    .filter(c -> c.organizationId().equals(org) && c.name().equalsIgnoreCase(name)).findFirst();
        }

        public Collection insert(Collection c) {
            state.collections.put(c.id(), c);
            return c;
        }

        public void delete(OrganizationId org, CollectionId id) {
            state.collections.remove(id);
            state.grants.removeIf(g -> g.collectionId().equals(id));
        }

        public List<Collection> list(OrganizationId org) {
            return state.collections.values().stream().filter(c -> c.organizationId().equals(org))
                    .collect(Collectors.toList());
        }

        public List<CollectionGrant> grants(OrganizationId org, CollectionId collection) {
            return state.grants.stream().filter(g -> g.collectionId().equals(collection))
                    .collect(Collectors.toList());
        }

        public List<CollectionGrant> grantsOf(OrganizationId org, Grantee grantee) {
            return state.grants.stream().filter(g -> g.grantee().equals(grantee)).collect(Collectors.toList());
        }

        public void grant(OrganizationId org, CollectionGrant grant) {
            revoke(org, grant);
            state.grants.add(grant);
        }

        public void revoke(OrganizationId org, CollectionGrant grant) {
            state.grants.removeIf(g -> g.collectionId().equals(grant.collectionId())
                    && g.grantee().equals(grant.grantee()) && g.origin() == grant.origin());
        }
    }

    final class PolicyMap implements Policies {
        public Optional<Policy> find(OrganizationId org, PolicyType type) {
            return Optional.ofNullable(state.policies.get(org + "/" + type));
        }

        public List<Policy> list(OrganizationId org) {
            return state.policies.values().stream().filter(p -> p.organizationId().equals(org))
                    .collect(Collectors.toList());
        }

        public void save(Policy policy) {
            state.policies.put(policy.organizationId() + "/" + policy.type(), policy);
        }
    }

    final class Audit implements AuditLog {
        public void record(AuditEvent event) {
            state.audit.add(event);
        }

        public Page<AuditEvent> page(OrganizationId org, long offset, int limit) {
            List<AuditEvent> all = state.audit.stream().filter(e -> e.organizationId().equals(org))
                    .collect(Collectors.toList());
            java.util.Collections.reverse(all);
            return new Page<>(all.stream().skip(offset).limit(limit).collect(Collectors.toList()), all.size(),
                    offset, limit);
        }
    }

    final class RunMap implements Runs {
        public void start(Run run) {
            state.runs.put(run.id(), run);
        }

        public void addItems(RunId run, List<ItemResult> items) {
            state.items.computeIfAbsent(run, r -> new ArrayList<>()).addAll(items);
        }

        public void finish(RunId id, RunState s, Instant finishedAt, Map<String, Integer> counts, String error) {
            Run r = state.runs.get(id);
            state.runs.put(id, new Run(r.id(), r.organizationId(), r.source(), r.actor(), r.trigger(), r.dryRun(), s,
                    r.startedAt(), finishedAt, counts, error));
        }

        public Optional<Run> find(OrganizationId org, RunId id) {
            return Optional.ofNullable(state.runs.get(id));
        }

        public Page<Run> page(OrganizationId org, long offset, int limit) {
            List<Run> all = List.copyOf(state.runs.values());
            return new Page<>(all.stream().skip(offset).limit(limit).collect(Collectors.toList()), all.size(),
                    offset, limit);
        }

        public Page<ItemResult> items(OrganizationId org, RunId run, long offset, int limit) {
            List<ItemResult> all = state.items.getOrDefault(run, List.of());
            return new Page<>(all.stream().skip(offset).limit(limit).collect(Collectors.toList()), all.size(),
                    offset, limit);
        }
    }
}
