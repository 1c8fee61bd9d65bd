package dev.muster.rolerules;

import dev.muster.organization.OrganizationId;
import dev.muster.roles.RoleRules;
import dev.muster.roles.RuleSet;
import dev.muster.wiring.OrganizationRules;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules the onboarding service asks, backed by the saved rule sets: each lookup reads the current version
 * number (so every instance sees a save at once) and parses a version only once.
 */
@Component
class StoredOrganizationRules implements OrganizationRules {
    private final RuleSetVersions versions;
    private final RuleSetDocuments documents;
    private final Map<OrganizationId, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(long version, RuleSet rules) {
    }

    StoredOrganizationRules(RuleSetVersions versions, RuleSetDocuments documents) {
        this.versions = versions;
        this.documents = documents;
    }

    @Override
    public RoleRules forOrganization(OrganizationId organization) {
        long version = versions.currentVersion(organization);
        if (version == 0) {
            return EVERYONE_IS_USER;
        }
        Parsed cached = parsed.get(organization);
        if (cached != null && cached.version() == version) {
            return cached.rules();
        }
        var stored = versions.find(organization, version).orElseThrow();
        var read = documents.parse(stored.document(), stored.format());
        if (read.hasErrors()) {
            throw new IllegalStateException("saved rule set version " + version + " of organization "
                    + organization + " does not read back: " + read.problems());
        }
        parsed.put(organization, new Parsed(version, read.ruleSet()));
        return read.ruleSet();
    }
}
