package dev.muster.api;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.Grantee;
import dev.muster.organization.Group;
import dev.muster.organization.GroupId;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Groups;
import dev.muster.organization.MemberId;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Origin;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Groups by hand: create, read with members and access, delete, manual memberships and grants. */
@RestController
@RequestMapping("/api/organizations/{org}/groups")
class GroupsController {
    private final KnownOrganization known;
    private final Groups groups;
    private final Members members;
    private final Collections collections;
    private final Audit audit;

    /** Audit and transactions, bundled for the group and collection endpoints. */
    @org.springframework.stereotype.Component
    static class Audit {
        final AuditLog log;
        final TransactionTemplate transactions;
        final Clock clock;

        Audit(AuditLog log, TransactionTemplate transactions, Clock clock) {
            this.log = log;
            this.transactions = transactions;
            this.clock = clock;
        }

        void record(OrganizationId org, AuditEventType type, Object subject, String detail) {
            log.record(new AuditEvent(org, clock.instant(), Actor.admin(), type, subject.toString(), detail,
                    "by hand through the API"));
        }
    }

    GroupsController(KnownOrganization known, Groups groups, Members members, Collections collections, Audit audit) {
        this.known = known;
        this.groups = groups;
        this.members = members;
        this.collections = collections;
        this.audit = audit;
    }

    record GroupBody(@NotBlank @Size(max = 100) String name, @Size(max = 300) String externalId) {
    }

    record AccessBody(@NotNull AccessLevel level) {
    }

    record GroupMemberView(String memberId, String email, Origin origin) {
    }

    record GroupAccessView(String collectionId, String collection, AccessLevel level, Origin origin) {
    }

    record GroupView(String id, String name, String externalId, String source, List<GroupMemberView> members,
                     List<GroupAccessView> collections) {
    }

    @GetMapping
    List<GroupView> list(@PathVariable String org) {
        OrganizationId id = known.resolve(org);
        return groups.list(id).stream().map(g -> view(id, g, false)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GroupView create(@PathVariable String org, @Valid @RequestBody GroupBody body) {
        OrganizationId id = known.resolve(org);
        return audit.transactions.execute(s -> {
            if (groups.findByName(id, body.name()).isPresent()) {
                throw new ApiProblems.Refused(HttpStatus.CONFLICT, "duplicate-group-name",
                        "a group named \"" + body.name() + "\" already exists");
            }
            Group g = groups.insert(Group.newGroup(id, body.name(), body.externalId(), null, audit.clock.instant()));
            audit.record(id, AuditEventType.GROUP_CREATED, g.id(), g.name());
            return view(id, g, true);
        });
    }

    @GetMapping("/{group}")
    GroupView get(@PathVariable String org, @PathVariable String group) {
        OrganizationId id = known.resolve(org);
        return view(id, find(id, group), true);
    }

    @DeleteMapping("/{group}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String org, @PathVariable String group) {
        OrganizationId id = known.resolve(org);
        audit.transactions.executeWithoutResult(s -> {
            Group g = find(id, group);
            groups.delete(id, g.id());
            audit.record(id, AuditEventType.GROUP_DELETED, g.id(), g.name());
        });
    }

    @PutMapping("/{group}/members/{member}")
    GroupView addMember(@PathVariable String org, @PathVariable String group, @PathVariable String member) {
        OrganizationId id = known.resolve(org);
        return audit.transactions.execute(s -> {
            Group g = find(id, group);
            var m = members.find(id, MemberId.of(member))
                    .orElseThrow(() -> ApiProblems.Refused.notFound("member " + member));
            groups.addMembership(id, new GroupMembership(g.id(), m.id(), Origin.MANUAL));
            audit.record(id, AuditEventType.MEMBER_GROUPS_CHANGED, m.id(), m.email() + " joined " + g.name());
            return view(id, g, true);
        });
    }

    @DeleteMapping("/{group}/members/{member}")
    GroupView removeMember(@PathVariable String org, @PathVariable String group, @PathVariable String member) {
        OrganizationId id = known.resolve(org);
        return audit.transactions.execute(s -> {
            Group g = find(id, group);
            MemberId m = MemberId.of(member);
            groups.removeMembership(id, new GroupMembership(g.id(), m, Origin.MANUAL));
            audit.record(id, AuditEventType.MEMBER_GROUPS_CHANGED, m, "manual membership of " + g.name() + " ended");
            return view(id, g, true);
        });
    }

    @PutMapping("/{group}/collections/{collection}")
    GroupView grant(@PathVariable String org, @PathVariable String group, @PathVariable String collection,
                    @Valid @RequestBody AccessBody body) {
        OrganizationId id = known.resolve(org);
        return audit.transactions.execute(s -> {
            Group g = find(id, group);
            var c = collections.find(id, CollectionId.of(collection))
                    .orElseThrow(() -> ApiProblems.Refused.notFound("collection " + collection));
            collections.grant(id, new CollectionGrant(c.id(), new Grantee.OfGroup(g.id()), body.level(),
                    Origin.MANUAL));
            audit.record(id, AuditEventType.COLLECTION_ACCESS_CHANGED, c.id(), g.name() + " " + body.level());
            return view(id, g, true);
        });
    }

    private Group find(OrganizationId org, String group) {
        try {
            return groups.find(org, GroupId.of(group))
                    .orElseThrow(() -> ApiProblems.Refused.notFound("group " + group));
        } catch (IllegalArgumentException e) {
            throw ApiProblems.Refused.notFound("group " + group);
        }
    }

    private GroupView view(OrganizationId org, Group g, boolean withMembers) {
        List<GroupMemberView> memberViews = withMembers ? groups.memberships(org, g.id()).stream()
                .map(m -> new GroupMemberView(m.memberId().toString(), members.find(org, m.memberId())
                        .map(x -> x.email()).orElse(null), m.origin())).toList() : List.of();
        List<GroupAccessView> access = collections.grantsOf(org, new Grantee.OfGroup(g.id())).stream()
                .map(a -> new GroupAccessView(a.collectionId().toString(), collections.find(org, a.collectionId())
                        .map(c -> c.name()).orElse(null), a.level(), a.origin())).toList();
        return new GroupView(g.id().toString(), g.name(), g.externalId(),
                g.identity() == null ? "MANUAL" : g.identity().source().name(), memberViews, access);
    }
}
