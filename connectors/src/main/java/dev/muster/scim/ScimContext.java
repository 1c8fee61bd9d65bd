package dev.muster.scim;

import dev.muster.organization.OrganizationId;

/** The organization a SCIM request is for, who sent it (the token's name) and its SCIM root URL. */
record ScimContext(OrganizationId organization, String actor, String baseUrl) {
}
