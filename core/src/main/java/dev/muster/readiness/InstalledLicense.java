package dev.muster.readiness;

import java.time.Instant;
import java.util.Objects;

/**
 * A license installed in an organization, with the signed document exactly as received.
 *
 * @param installedBy who installed it: an admin's upload or the license sync
 */
public record InstalledLicense(License license, String document, Instant installedAt, String installedBy) {
    public InstalledLicense {
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(installedAt, "installedAt");
    }
}
