package dev.muster.readiness.web;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.Grantee;
import dev.muster.organization.Group;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Member;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Permission;
import dev.muster.organization.Policies;
import dev.muster.organization.PolicyType;
import dev.muster.organization.Role;
import dev.muster.readiness.AccountRecoveryEnrollment;
import dev.muster.readiness.RoleReview;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Audit reports before production: collections, groups, roles and account recovery enrollment. */
@RestController
@RequestMapping("/api/organizations/{org}/reports")
class ReportsController {
    private final KnownOrganizations known;
    private final OrganizationSnapshot snapshots;
    private final Policies policies;

    ReportsController(KnownOrganizations known, OrganizationSnapshot snapshots, Policies policies) {
        this.known = known;
        this.snapshots = snapshots;
        this.policies = policies;
    }

    /** Groups and (directly or through groups) members with access, by level. */
    record CollectionReport(String id, String name, String externalId, Map<AccessLevel, Set<String>> groups,
                            Map<AccessLevel, Set<String>> members) {
    }

    record DirectAccess(String member, String collection, AccessLevel level) {
    }

    record GroupsReport(List<String> groupsWithoutCollections, List<String> collectionsWithoutGroups,
                        List<DirectAccess> directAccessOutsideGroups) {
    }

    record RoleEntry(String email, String status, Set<Permission> permissions) {
    }

    record RolesReport(Map<String, Integer> counts, List<RoleEntry> owners, List<RoleEntry> admins,
                       List<RoleEntry> customRoles, List<String> roleFromNoRule) {
    }

    record EnrollmentEntry(String email, AccountRecoveryEnrollment.Status status) {
    }

    record EnrollmentReport(boolean policyEnabled, boolean automaticEnrollment,
                            Map<AccountRecoveryEnrollment.Status, Integer> counts, List<EnrollmentEntry> members) {
    }

    @GetMapping("/collections")
    List<CollectionReport> collections(@PathVariable String org) {
        var snapshot = snapshots.read(known.find(org).id());
        var byId = snapshot.membersById();
        var reports = new ArrayList<CollectionReport>();
        snapshot.collections().forEach((collection, grants) -> {
            var groupLevels = new TreeMap<AccessLevel, Set<String>>();
            var memberLevel = new HashMap<String, AccessLevel>();
            for (CollectionGrant grant : grants) {
                if (grant.grantee() instanceof Grantee.OfMember m && byId.containsKey(m.memberId().toString())) {
                    memberLevel.merge(byId.get(m.memberId().toString()).email(), grant.level(), AccessLevel::max);
                } else if (grant.grantee() instanceof Grantee.OfGroup g) {
                    snapshot.groups().forEach((group, memberships) -> {
                        if (group.id().equals(g.groupId())) {
                            groupLevels.computeIfAbsent(grant.level(), l -> new TreeSet<>()).add(group.name());
                            memberships.stream().map(ms -> byId.get(ms.memberId().toString()))
                                    .filter(java.util.Objects::nonNull)
                                    .forEach(m -> memberLevel.merge(m.email(), grant.level(), AccessLevel::max));
                        }
                    });
                }
            }
            var memberLevels = new TreeMap<AccessLevel, Set<String>>();
            memberLevel.forEach((email, level) -> memberLevels.computeIfAbsent(level, l -> new TreeSet<>()).add(email));
            reports.add(new CollectionReport(collection.id().toString(), collection.name(), collection.externalId(),
                    groupLevels, memberLevels));
        });
        return reports;
    }

    @GetMapping("/groups")
    GroupsReport groups(@PathVariable String org) {
        var snapshot = snapshots.read(known.find(org).id());
        var byId = snapshot.membersById();
        var groupsWithAccess = new java.util.HashSet<String>();
        var collectionsWithGroups = new java.util.HashSet<String>();
        var direct = new ArrayList<DirectAccess>();
        snapshot.collections().forEach((collection, grants) -> grants.forEach(grant -> {
            if (grant.grantee() instanceof Grantee.OfGroup g) {
                groupsWithAccess.add(g.groupId().toString());
                collectionsWithGroups.add(collection.id().toString());
            }
        }));
        snapshot.collections().forEach((collection, grants) -> grants.forEach(grant -> {
            if (grant.grantee() instanceof Grantee.OfMember m && byId.containsKey(m.memberId().toString())
                    && !reachesThroughGroup(snapshot, grants, m)) {
                direct.add(new DirectAccess(byId.get(m.memberId().toString()).email(), collection.name(),
                        grant.level()));
            }
        }));
        return new GroupsReport(snapshot.groups().keySet().stream().filter(g -> !groupsWithAccess.contains(
                        g.id().toString())).map(Group::name).sorted().toList(),
                snapshot.collections().keySet().stream().filter(c -> !collectionsWithGroups.contains(
                        c.id().toString())).map(Collection::name).sorted().toList(), direct);
    }

    private static boolean reachesThroughGroup(OrganizationSnapshot.Snapshot snapshot, List<CollectionGrant> grants,
                                               Grantee.OfMember member) {
        return grants.stream().filter(g -> g.grantee() instanceof Grantee.OfGroup).anyMatch(g -> snapshot.groups()
                .entrySet().stream().anyMatch(e -> e.getKey().id().equals(((Grantee.OfGroup) g.grantee()).groupId())
                        && e.getValue().stream().map(GroupMembership::memberId)
                        .anyMatch(member.memberId()::equals)));
    }

    @GetMapping("/roles")
    RolesReport roles(@PathVariable String org) {
        var members = snapshots.read(known.find(org).id()).members().stream().filter(m -> !m.isRevoked()).toList();
        var counts = new TreeMap<String, Integer>();
        members.forEach(m -> counts.merge(m.role().name(), 1, Integer::sum));
        return new RolesReport(counts, entries(members, Role.OWNER), entries(members, Role.ADMIN),
                entries(members, Role.CUSTOM), members.stream().filter(RoleReview::fromNoRule).map(Member::email)
                .sorted().toList());
    }

    private static List<RoleEntry> entries(List<Member> members, Role role) {
        return members.stream().filter(m -> m.role() == role).map(m -> new RoleEntry(m.email(), m.status().name(),
                new TreeSet<>(m.permissions()))).toList();
    }

    @GetMapping("/account-recovery")
    EnrollmentReport accountRecovery(@PathVariable String org) {
        OrganizationId id = known.find(org).id();
        var policy = policies.find(id, PolicyType.ACCOUNT_RECOVERY).orElse(null);
        var counts = new EnumMap<AccountRecoveryEnrollment.Status, Integer>(AccountRecoveryEnrollment.Status.class);
        for (AccountRecoveryEnrollment.Status status : AccountRecoveryEnrollment.Status.values()) {
            counts.put(status, 0);
        }
        var entries = new ArrayList<EnrollmentEntry>();
        for (Member member : snapshots.read(id).members()) {
            if (!member.isRevoked()) {
                var status = AccountRecoveryEnrollment.status(member, policy);
                counts.merge(status, 1, Integer::sum);
                entries.add(new EnrollmentEntry(member.email(), status));
            }
        }
        return new EnrollmentReport(policy != null && policy.enabled(), AccountRecoveryEnrollment.automatic(policy),
                counts, entries);
    }
}
