package dev.muster.rolerules;

import dev.muster.onboarding.Change;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a rule set does (or would do) to one existing member.
 *
 * @param outcome {@code applied} (see {@code changes}), {@code skipped}, {@code rejected} or {@code failed}
 * @param reason why a member was skipped or refused, {@code null} otherwise
 * @param privilegedLoss for an owner or admin: the demotion and the access it would lose; empty otherwise
 */
public record MemberChange(String memberId, String email, Role roleBefore, Role roleAfter, String outcome,
                           String reason, List<Change> changes, List<String> privilegedLoss) {
    public MemberChange {
        changes = List.copyOf(changes);
        privilegedLoss = List.copyOf(privilegedLoss);
    }

    /** Reads the changes of one member's item. */
    static MemberChange of(String memberId, String email, Role before, String outcome, String reason,
                           List<Change> changes) {
        Role after = before;
        var loss = new ArrayList<String>();
        for (Change change : changes) {
            if (change.kind() == Change.Kind.ROLE_CHANGED && change.to() != null) {
                after = Role.valueOf(change.to().split(" ", 2)[0]);
            }
            if (before.isPrivileged()) {
                lost(change).ifPresent(loss::add);
            }
        }
        if (before.isPrivileged() && after != before && after != Role.OWNER) {
            loss.add(0, "demoted from " + before + " to " + after);
        }
        return new MemberChange(memberId, email, before, after, outcome, reason, changes, loss);
    }

    private static java.util.Optional<String> lost(Change change) {
        switch (change.kind()) {
            case GROUP_LEFT:
                return java.util.Optional.of("leaves group " + change.from());
            case GRANT_REMOVED:
                return java.util.Optional.of("loses access to " + change.from());
            case GRANT_CHANGED:
                AccessLevel from = lastLevel(change.from());
                AccessLevel to = lastLevel(change.to().replaceFirst("\\s*\\([A-Z]+\\)$", ""));
                return from != null && to != null && to.compareTo(from) < 0
                        ? java.util.Optional.of("access lowered: " + change.from() + " -> " + change.to())
                        : java.util.Optional.empty();
            default:
                return java.util.Optional.empty();
        }
    }

    private static AccessLevel lastLevel(String text) {
        String[] words = text.strip().split(" ");
        try {
            return AccessLevel.valueOf(words[words.length - 1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
