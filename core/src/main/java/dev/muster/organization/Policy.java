package dev.muster.organization;

import java.util.Map;
import java.util.Objects;

/** One policy of an organization, enabled or not, with its settings. */
public record Policy(OrganizationId organizationId, PolicyType type, boolean enabled, Map<String, String> settings) {
    public Policy {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
