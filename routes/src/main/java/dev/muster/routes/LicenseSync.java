package dev.muster.routes;

import java.util.List;

/**
 * What the route {@code license-sync} drives: fetch each licensed organization's current license from the
 * license server with the installation key, then verify and apply it in one transaction. Failures are recorded
 * as the organization's sync state before they are thrown; a fetch that can succeed later throws a
 * {@link dev.muster.onboarding.Retryable} fault.
 */
public interface LicenseSync {
    /** The ids of the organizations that have a license installed. */
    List<String> organizations();

    /** The license document the license server holds for the organization now. */
    String fetch(String organizationId);

    /** Verifies and installs the document; nothing is changed when it is refused. */
    void apply(String organizationId, String document);
}
