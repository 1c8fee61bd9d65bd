package dev.muster.readiness;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Plan;

import java.time.Instant;

/** The checks a license with a valid signature must still pass before it is installed or used for an upgrade. */
public final class LicenseCheck {
    private LicenseCheck() {
    }

    /** The answer of a check. */
    public sealed interface Result {
        record Valid(License license) implements Result {
        }

        /** @param code a stable code: {@code license-other-organization}, {@code license-expired}, ... */
        record Refused(String code, String reason) implements Result {
        }
    }

    /** A license may be installed for {@code organization} when it names that organization and has not expired. */
    public static Result installable(License license, OrganizationId organization, Instant now) {
        if (!license.organizationId().equals(organization)) {
            return new Result.Refused("license-other-organization", "license " + license.licenseId()
                    + " is issued for organization " + license.organizationId() + ", not for " + organization);
        }
        if (license.expired(now)) {
            return new Result.Refused("license-expired", "license " + license.licenseId() + " expired at "
                    + license.expiresAt());
        }
        return new Result.Valid(license);
    }

    /** An upgrade to production needs an installable license whose plan is production. */
    public static Result upgradable(License license, OrganizationId organization, Instant now) {
        Result installable = installable(license, organization, now);
        if (installable instanceof Result.Valid && license.plan() != Plan.PRODUCTION) {
            return new Result.Refused("license-not-production", "license " + license.licenseId()
                    + " is a " + license.plan() + " license; upgrading needs a PRODUCTION license");
        }
        return installable;
    }
}
