package dev.muster.web;

import dev.muster.onboarding.Change;
import dev.muster.onboarding.ItemOutcome;

import java.util.stream.Collectors;

/**
 * A message shown at the top of the next page (a flash attribute named {@value #ATTRIBUTE}): what an action did,
 * or why it was refused, in words.
 *
 * @param ok whether the action went through (styled as success) or not (styled as an error)
 */
public record Notice(boolean ok, String text) {
    public static final String ATTRIBUTE = "notice";

    public static Notice ok(String text) {
        return new Notice(true, text);
    }

    public static Notice refused(String text) {
        return new Notice(false, text);
    }

    /** Says what an item outcome means for {@code action} on {@code subject}, e.g. "Revoke ada@acme.test". */
    public static Notice of(String action, String subject, ItemOutcome outcome) {
        if (outcome instanceof ItemOutcome.Applied a) {
            return ok(action + " " + subject + ": done (" + a.changes().stream().map(Notice::words)
                    .collect(Collectors.joining("; ")) + ").");
        }
        if (outcome instanceof ItemOutcome.Unchanged) {
            return ok(action + " " + subject + ": nothing to change.");
        }
        if (outcome instanceof ItemOutcome.Skipped s) {
            return refused(action + " " + subject + " was not done: " + s.reason() + " (" + s.code() + ").");
        }
        if (outcome instanceof ItemOutcome.Rejected r) {
            return refused(action + " " + subject + " was refused: " + r.reason() + " (" + r.code() + ").");
        }
        ItemOutcome.Failed f = (ItemOutcome.Failed) outcome;
        return refused(action + " " + subject + " failed: " + f.reason()
                + (f.retryable() ? ". Trying again may help." : "."));
    }

    /** A change in words: "created: ada@acme.test", "role changed from USER [] to ADMIN []". */
    static String words(Change change) {
        String kind = change.kind().name().toLowerCase().replace('_', ' ');
        if (change.from() == null) {
            return change.to() == null ? kind : kind + ": " + change.to();
        }
        return kind + " from " + change.from() + (change.to() == null ? "" : " to " + change.to());
    }
}
