package dev.muster.onboarding;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.Organization;
import dev.muster.organization.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The working state of one command while it is applied: the organization as read in the item's transaction,
 * the changes made so far, and the events to publish once it commits.
 */
final class Item {
    final Store store;
    final Batch batch;
    final Instant now;
    Organization organization;
    final List<Change> changes = new ArrayList<>();
    final List<OnboardingEvent> events = new ArrayList<>();
    private final Set<MemberId> created = new HashSet<>();
    /** The person an upsert left behind, as stored (its version included). */
    Member upserted;

    Item(Store store, Batch batch, Organization organization, Instant now) {
        this.store = store;
        this.batch = batch;
        this.organization = organization;
        this.now = now;
    }

    Source source() {
        return batch.source();
    }

    Actor actor() {
        return batch.actor();
    }

    /** Records that this item inserted the member: it has no memberships or grants yet, so none are read. */
    void created(MemberId member) {
        created.add(member);
    }

    boolean isNew(MemberId member) {
        return created.contains(member);
    }

    void change(Change.Kind kind, Object from, Object to) {
        changes.add(Change.of(kind, from, to));
    }

    void audit(AuditEventType type, Object subject, String detail, String reason) {
        store.audit().record(new AuditEvent(organization.id(), now, actor(), type,
                subject == null ? null : subject.toString(), detail, reason));
    }

    ItemOutcome appliedOrUnchanged(Object subject) {
        String id = subject == null ? null : subject.toString();
        return changes.isEmpty() ? new ItemOutcome.Unchanged(id) : new ItemOutcome.Applied(id, changes);
    }

    /** Ends the item with an outcome after some writes: the item's transaction rolls back. */
    static final class Abort extends RuntimeException {
        final transient ItemOutcome outcome;

        Abort(ItemOutcome outcome) {
            super(outcome.toString(), null, false, false);
            this.outcome = outcome;
        }
    }
}
