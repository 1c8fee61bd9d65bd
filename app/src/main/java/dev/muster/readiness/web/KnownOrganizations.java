package dev.muster.readiness.web;

import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import org.springframework.stereotype.Component;

/** Resolves the {org} of a URL to an existing organization, or refuses with 404. */
@Component
class KnownOrganizations {
    private final Organizations organizations;

    KnownOrganizations(Organizations organizations) {
        this.organizations = organizations;
    }

    Organization find(String org) {
        OrganizationId id;
        try {
            id = OrganizationId.of(org);
        } catch (IllegalArgumentException e) {
            throw ReadinessRefused.notFound("organization " + org);
        }
        return organizations.find(id).orElseThrow(() -> ReadinessRefused.notFound("organization " + org));
    }
}
