package dev.muster.web;

import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import org.springframework.stereotype.Component;

/** Resolves the {@code {org}} of a page's URL to an organization, or to the friendly 404 page. */
@Component
public class CurrentOrganization {
    private final Organizations organizations;

    CurrentOrganization(Organizations organizations) {
        this.organizations = organizations;
    }

    public Organization resolve(String org) {
        OrganizationId id;
        try {
            id = OrganizationId.of(org);
        } catch (IllegalArgumentException e) {
            throw PageProblem.notFound("organization", org);
        }
        return organizations.find(id).orElseThrow(() -> PageProblem.notFound("organization", org));
    }
}
