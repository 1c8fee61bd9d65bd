package dev.muster.readiness.web;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.GroupId;
import dev.muster.organization.Groups;
import dev.muster.organization.MemberId;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Role;
import dev.muster.readiness.storage.JdbcReadinessState;
import dev.muster.readiness.storage.JdbcReadinessState.Kind;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Marks collections, groups and members as test data, and purges test data (dry run by default). */
@RestController
@RequestMapping("/api/organizations/{org}")
class TestDataController {
    private final KnownOrganizations known;
    private final TestDataPurge purge;
    private final Marking marking;

    /** What marking checks and writes through. */
    record Marking(Collections collections, Groups groups, Members members, JdbcReadinessState state,
                   AuditLog audit, TransactionTemplate transactions, Clock clock) {
    }

    TestDataController(KnownOrganizations known, TestDataPurge purge, Collections collections, Groups groups,
                       Members members, JdbcReadinessState state, AuditLog audit, TransactionTemplate transactions,
                       Clock clock) {
        this.known = known;
        this.purge = purge;
        this.marking = new Marking(collections, groups, members, state, audit, transactions, clock);
    }

    record MarksBody(List<String> collections, List<String> groups, List<String> members) {
    }

    @PutMapping("/test-data")
    Map<String, Integer> mark(@PathVariable String org, @RequestBody MarksBody body) {
        OrganizationId id = known.find(org).id();
        List<String> collections = body.collections() == null ? List.of() : body.collections();
        List<String> groups = body.groups() == null ? List.of() : body.groups();
        List<String> members = body.members() == null ? List.of() : body.members();
        return marking.transactions().execute(status -> {
            for (String c : collections) {
                marking.collections().find(id, CollectionId.of(c)).orElseThrow(() -> ReadinessRefused.notFound(
                        "collection " + c));
                marking.state().mark(id, Kind.COLLECTION, CollectionId.of(c).value());
            }
            for (String g : groups) {
                marking.groups().find(id, GroupId.of(g)).orElseThrow(() -> ReadinessRefused.notFound("group " + g));
                marking.state().mark(id, Kind.GROUP, GroupId.of(g).value());
            }
            for (String m : members) {
                var member = marking.members().find(id, MemberId.of(m))
                        .orElseThrow(() -> ReadinessRefused.notFound("member " + m));
                if (member.role() == Role.OWNER) {
                    throw new ReadinessRefused(HttpStatus.CONFLICT, "protected-owner", "owner " + member.email()
                            + " cannot be marked as test data: owners are never purged");
                }
                marking.state().mark(id, Kind.MEMBER, member.id().value());
            }
            marking.audit().record(new AuditEvent(id, marking.clock().instant(), Actor.admin(),
                    AuditEventType.TEST_DATA_MARKED, id.toString(), collections.size() + " collections, "
                    + groups.size() + " groups, " + members.size() + " members marked as test data", "marked"));
            return Map.of("collections", collections.size(), "groups", groups.size(), "members", members.size());
        });
    }

    /** {@code dryRun} defaults to {@code true}: nothing goes unless asked for explicitly. */
    @PostMapping("/purge")
    TestDataPurge.Plan purge(@PathVariable String org, @RequestParam(defaultValue = "true") boolean dryRun,
                             @RequestParam(required = false) Instant before) {
        return purge.purge(known.find(org).id(), before, dryRun, Actor.admin());
    }
}
