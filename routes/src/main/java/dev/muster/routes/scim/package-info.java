/**
 * The SCIM onboarding path as a Camel REST route on platform-http: HTTP in, a {@code ScimRequest} to the SCIM
 * server, its batch through the onboarding service, the SCIM answer out.
 */
package dev.muster.routes.scim;
