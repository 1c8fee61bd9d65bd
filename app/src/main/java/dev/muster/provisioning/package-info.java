/**
 * The SCIM provisioning path's application side: per-organization SCIM tokens (issued once, stored hashed,
 * rate-limited), bearer authentication of {@code /scim/v2/{org}/**}, storage of the SCIM view of users, and the
 * SCIM server bean the {@code onboarding-scim} route calls.
 */
package dev.muster.provisioning;
