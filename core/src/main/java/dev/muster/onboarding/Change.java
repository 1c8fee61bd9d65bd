package dev.muster.onboarding;

import java.util.Objects;

/**
 * One change an item makes (or would make, in a dry run).
 *
 * @param from the value before, {@code null} when created
 * @param to the value after, {@code null} when removed
 */
public record Change(Kind kind, String from, String to) {
    public enum Kind {
        CREATED, STAGED, INVITED, EMAIL_CHANGED, NAME_CHANGED, ATTRIBUTES_CHANGED, IDENTITY_LINKED, ROLE_CHANGED,
        REVOKED, RESTORED, REMOVAL_SCHEDULED, REMOVED, GROUP_JOINED, GROUP_LEFT, GRANT_ADDED, GRANT_CHANGED,
        GRANT_REMOVED, GROUP_CREATED, GROUP_RENAMED, GROUP_DELETED, SEATS_GROWN, INVITATION_HELD, RESTORE_HELD,
        ACCEPTED, CONFIRMED, REINVITED
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
    }

    public static Change of(Kind kind, Object from, Object to) {
        return new Change(kind, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    @Override
    public String toString() {
        return kind + (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to);
    }
}
