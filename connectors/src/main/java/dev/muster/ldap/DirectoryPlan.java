package dev.muster.ldap;

import dev.muster.onboarding.OnboardingCommand;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The onboarding commands a directory read leads to, and what the read holds that is not applied and why.
 *
 * @param revocationCandidates source ids of known people the commands would revoke (deleted at the source or
 *                             disabled); whether each really is revoked depends on their current status
 */
public record DirectoryPlan(List<OnboardingCommand> commands, List<Note> notes, Set<String> revocationCandidates,
                            boolean full) {
    public DirectoryPlan {
        commands = List.copyOf(commands);
        notes = List.copyOf(notes);
        revocationCandidates = Set.copyOf(revocationCandidates);
    }

    /**
     * An entry of the read that is not applied, or a safety rule that held something back.
     *
     * @param key the directory entry (its DN) or the rule concerned
     * @param code a stable code: {@code duplicate-email}, {@code no-email}, {@code invalid-email},
     *             {@code disabled-not-member}, {@code empty-read}
     */
    public record Note(String key, String code, String reason) {
        public Note {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
