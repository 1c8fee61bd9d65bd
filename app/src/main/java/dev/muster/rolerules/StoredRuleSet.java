package dev.muster.rolerules;

import dev.muster.onboarding.RunId;
import dev.muster.organization.OrganizationId;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of an organization's rule set, exactly as the admin wrote it.
 *
 * @param runId the run that re-evaluated the members when this version was saved, {@code null} until it ran
 */
public record StoredRuleSet(OrganizationId organizationId, long version, RuleSetFormat format, String document,
                            Instant savedAt, String savedBy, RunId runId) {
    public StoredRuleSet {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(savedBy, "savedBy");
        if (version < 1) {
            throw new IllegalArgumentException("saved versions start at 1");
        }
    }
}
