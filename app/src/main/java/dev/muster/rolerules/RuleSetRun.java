package dev.muster.rolerules;

import dev.muster.onboarding.RunId;

import java.util.List;
import java.util.Map;

/**
 * The re-evaluation of every member under a rule set: planned (a preview) or applied.
 *
 * @param members only the members the rule set changes or could not handle; unchanged members are counted
 */
public record RuleSetRun(RunId runId, boolean dryRun, int evaluated, Map<String, Integer> counts,
                         List<MemberChange> members) {
    public RuleSetRun {
        counts = Map.copyOf(counts);
        members = List.copyOf(members);
    }

    /** Owners and admins the rule set would demote or take access from. */
    public List<MemberChange> privilegedLosses() {
        return members.stream().filter(m -> !m.privilegedLoss().isEmpty()).toList();
    }
}
