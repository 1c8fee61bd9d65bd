package dev.muster.api;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import org.springframework.stereotype.Component;

/** Resolves the {org} of a URL to an existing organization, or refuses with 404. */
@Component
class KnownOrganization {
    private final Organizations organizations;

    KnownOrganization(Organizations organizations) {
        this.organizations = organizations;
    }

    OrganizationId resolve(String org) {
        OrganizationId id;
        try {
            id = OrganizationId.of(org);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.Refused.notFound("organization " + org);
        }
        return organizations.find(id).map(o -> o.id())
                .orElseThrow(() -> ApiProblems.Refused.notFound("organization " + org));
    }
}
