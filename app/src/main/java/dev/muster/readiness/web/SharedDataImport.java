package dev.muster.readiness.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.Grantee;
import dev.muster.organization.Group;
import dev.muster.organization.Groups;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Origin;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Imports collections and groups with their collection access from a JSON file ({@link ImportFile}). Nothing is
 * written unless the whole file is valid; entries are matched on externalId, then on name, so re-importing the
 * same file changes nothing. Access is granted with origin {@code MANUAL}, which every sync leaves alone.
 */
@Service
class SharedDataImport {
    private final Collections collections;
    private final Groups groups;
    private final Recording recording;

    /** What the import records through. */
    record Recording(AuditLog audit, TransactionTemplate transactions, Clock clock, ObjectMapper json) {
    }

    SharedDataImport(Collections collections, Groups groups, AuditLog audit, TransactionTemplate transactions,
                     Clock clock, ObjectMapper json) {
        this.collections = collections;
        this.groups = groups;
        this.recording = new Recording(audit, transactions, clock, json);
    }

    /** One entry's outcome: {@code created}, {@code updated}, {@code granted}, {@code changed}, {@code unchanged}. */
    record Change(String position, String kind, String name, String outcome) {
    }

    record Result(boolean dryRun, java.util.Map<String, Long> counts, List<Change> changes) {
    }

    /** Thrown with every error of an invalid file; nothing was written. */
    static final class Invalid extends RuntimeException {
        final transient List<ImportFile.Error> errors;

        Invalid(List<ImportFile.Error> errors) {
            super(errors.size() + " errors in the import file; nothing was imported");
            this.errors = errors;
        }
    }

    Result run(OrganizationId org, String text, boolean dryRun) {
        var existing = collections.list(org).stream().map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        ImportFile.Parsed file = ImportFile.parse(recording.json(), text, existing);
        if (!file.errors().isEmpty()) {
            throw new Invalid(file.errors());
        }
        return recording.transactions().execute(status -> {
            var changes = new ArrayList<Change>();
            Instant now = recording.clock().instant();
            file.collections().forEach(c -> changes.add(collection(org, c, now)));
            file.groups().forEach(g -> changes.addAll(group(org, g, now)));
            if (dryRun) {
                status.setRollbackOnly();
            }
            var counts = changes.stream().collect(Collectors.groupingBy(c -> c.kind() + "-" + c.outcome(),
                    java.util.TreeMap::new, Collectors.counting()));
            return new Result(dryRun, counts, changes);
        });
    }

    private Change collection(OrganizationId org, ImportFile.CollectionEntry entry, Instant now) {
        Optional<Collection> found = Optional.ofNullable(entry.externalId()).flatMap(x -> collections.list(org)
                .stream().filter(c -> x.equals(c.externalId())).findFirst())
                .or(() -> collections.findByName(org, entry.name()));
        if (found.isPresent()) {
            if (!found.get().name().equalsIgnoreCase(entry.name())) {
                throw new Invalid(List.of(new ImportFile.Error(entry.position() + "/externalId", "externalId '"
                        + entry.externalId() + "' belongs to the collection '" + found.get().name() + "'")));
            }
            return new Change(entry.position(), "collection", entry.name(), "unchanged");
        }
        Collection created = collections.insert(new Collection(CollectionId.random(), org, entry.name(),
                entry.externalId(), now));
        audit(org, now, AuditEventType.COLLECTION_CREATED, created.id().toString(), created.name());
        return new Change(entry.position(), "collection", entry.name(), "created");
    }

    private List<Change> group(OrganizationId org, ImportFile.GroupEntry entry, Instant now) {
        var changes = new ArrayList<Change>();
        Optional<Group> found = Optional.ofNullable(entry.externalId()).flatMap(x -> groups.list(org).stream()
                .filter(g -> x.equals(g.externalId())).findFirst()).or(() -> groups.findByName(org, entry.name()));
        Group group;
        if (found.isEmpty()) {
            group = groups.insert(Group.newGroup(org, entry.name(), entry.externalId(), null, now));
            audit(org, now, AuditEventType.GROUP_CREATED, group.id().toString(), group.name());
            changes.add(new Change(entry.position(), "group", entry.name(), "created"));
        } else if (!found.get().name().equals(entry.name()) || (entry.externalId() != null
                && !entry.externalId().equals(found.get().externalId()))) {
            String externalId = entry.externalId() == null ? found.get().externalId() : entry.externalId();
            group = groups.update(found.get().renamed(entry.name(), externalId, now));
            audit(org, now, AuditEventType.GROUP_UPDATED, group.id().toString(), group.name() + " (" + externalId
                    + ")");
            changes.add(new Change(entry.position(), "group", entry.name(), "updated"));
        } else {
            group = found.get();
            changes.add(new Change(entry.position(), "group", entry.name(), "unchanged"));
        }
        for (ImportFile.AccessEntry access : entry.access()) {
            changes.add(access(org, group, access, now));
        }
        return changes;
    }

    private Change access(OrganizationId org, Group group, ImportFile.AccessEntry entry, Instant now) {
        Collection collection = collections.findByName(org, entry.collection()).orElseThrow(() ->
                new ReadinessRefused(HttpStatus.CONFLICT, "not-found", "collection " + entry.collection()));
        var grantee = new Grantee.OfGroup(group.id());
        Optional<CollectionGrant> current = collections.grants(org, collection.id()).stream()
                .filter(g -> g.grantee().equals(grantee) && g.origin() == Origin.MANUAL).findFirst();
        String label = group.name() + " -> " + collection.name() + " " + entry.level();
        if (current.isPresent() && current.get().level() == entry.level()) {
            return new Change(entry.position(), "access", label, "unchanged");
        }
        collections.grant(org, new CollectionGrant(collection.id(), grantee, entry.level(), Origin.MANUAL));
        audit(org, now, AuditEventType.COLLECTION_ACCESS_CHANGED, collection.id().toString(), label);
        return new Change(entry.position(), "access", label, current.isPresent() ? "changed" : "granted");
    }

    private void audit(OrganizationId org, Instant now, AuditEventType type, String subject, String detail) {
        recording.audit().record(new AuditEvent(org, now, Actor.admin(), type, subject, detail, "imported"));
    }
}
