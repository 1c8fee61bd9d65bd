package dev.muster.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.muster.onboarding.Change;
import dev.muster.onboarding.ItemOutcome;

import java.util.List;

/**
 * The stored form of an {@link ItemOutcome}: its label names the kind, the other fields are those the kind has.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OutcomeJson(String kind, String subject, String code, String reason, Boolean retryable,
                   List<ChangeJson> changes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangeJson(Change.Kind kind, String from, String to) {
    }

    static OutcomeJson of(ItemOutcome outcome) {
        String kind = outcome.label();
        // Java 17: no pattern matching for switch yet.
        if (outcome instanceof ItemOutcome.Applied applied) {
            var changes = applied.changes().stream().map(c -> new ChangeJson(c.kind(), c.from(), c.to())).toList();
            return new OutcomeJson(kind, applied.subject(), null, null, null, changes);
        } else if (outcome instanceof ItemOutcome.Unchanged unchanged) {
            return new OutcomeJson(kind, unchanged.subject(), null, null, null, null);
        } else if (outcome instanceof ItemOutcome.Skipped skipped) {
            return new OutcomeJson(kind, skipped.subject(), skipped.code(), skipped.reason(), null, null);
        } else if (outcome instanceof ItemOutcome.Rejected rejected) {
            return new OutcomeJson(kind, null, rejected.code(), rejected.reason(), null, null);
        }
        var failed = (ItemOutcome.Failed) outcome;
        return new OutcomeJson(kind, null, null, failed.reason(), failed.retryable(), null);
    }

    ItemOutcome toOutcome() {
        return switch (kind) {
            case "applied" -> new ItemOutcome.Applied(subject,
                    changes.stream().map(c -> new Change(c.kind(), c.from(), c.to())).toList());
            case "unchanged" -> new ItemOutcome.Unchanged(subject);
            case "skipped" -> new ItemOutcome.Skipped(subject, code, reason);
            case "rejected" -> new ItemOutcome.Rejected(code, reason);
            case "failed" -> new ItemOutcome.Failed(reason, Boolean.TRUE.equals(retryable));
            default -> throw new IllegalStateException("unknown stored outcome kind: " + kind);
        };
    }
}
