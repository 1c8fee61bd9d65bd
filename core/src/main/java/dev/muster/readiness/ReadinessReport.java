package dev.muster.readiness;

import dev.muster.organization.OrganizationId;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The readiness of one organization at one moment: every item, and whether the gate is open. */
public record ReadinessReport(OrganizationId organizationId, Instant at, List<ReadinessItem> items) {
    public ReadinessReport {
        items = List.copyOf(items);
    }

    /** The required items that fail: while there are any, the readiness gate refuses bulk onboarding. */
    public List<ReadinessItem> blocking() {
        return items.stream().filter(ReadinessItem::blocks).toList();
    }

    public boolean ready() {
        return blocking().isEmpty();
    }

    public Map<ReadinessStatus, Long> counts() {
        var counts = new EnumMap<ReadinessStatus, Long>(ReadinessStatus.class);
        for (ReadinessStatus status : ReadinessStatus.values()) {
            counts.put(status, items.stream().filter(i -> i.status() == status).count());
        }
        return counts;
    }
}
