package dev.muster.onboarding;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a batch did, item by item, and the run it was recorded as. */
public record BatchResult(RunId runId, boolean dryRun, List<ItemResult> items) {
    public BatchResult {
        items = List.copyOf(items);
    }

    /** Items counted by outcome label, plus the change kinds of applied items. */
    public Map<String, Integer> counts() {
        return Counts.of(items);
    }

    public ItemOutcome outcome(int index) {
        return items.get(index).outcome();
    }

    /** Counting used for runs and reports. */
    static final class Counts {
        private Counts() {
        }

        static Map<String, Integer> of(List<ItemResult> items) {
            var counts = new TreeMap<String, Integer>();
            for (ItemResult item : items) {
                counts.merge(item.outcome().label(), 1, Integer::sum);
                if (item.outcome() instanceof ItemOutcome.Applied applied) {
                    applied.changes().stream().map(c -> c.kind().name().toLowerCase())
                            .distinct().forEach(k -> counts.merge(k, 1, Integer::sum));
                }
            }
            return counts;
        }
    }
}
