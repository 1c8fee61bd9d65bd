package dev.muster.readiness;

import dev.muster.organization.Plan;
import dev.muster.readiness.ReadinessRule.Finding;

import java.time.Duration;

/** Step 3: a current production license, enough seats, and the license sync keeping it current. */
final class LicenseRules {
    /** A license expiring sooner than this warns. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private LicenseRules() {
    }

    static final ReadinessRule PRODUCTION_LICENSE = new ReadinessRule("production-license", 3,
            "Production license installed", true, LicenseRules::license);

    static final ReadinessRule SEATS = new ReadinessRule("license-seats", 3, "Seats within the license", true,
            LicenseRules::seats);

    static final ReadinessRule SYNC = new ReadinessRule("license-sync", 3, "License sync enabled", false,
            LicenseRules::sync);

    private static Finding license(ReadinessFacts f) {
        String fix = "PUT " + f.api() + "/license with the signed license document";
        if (f.license() == null) {
            return Finding.fail("no license is installed", fix);
        }
        License license = f.license().license();
        if (license.expired(f.now())) {
            return Finding.fail("license " + license.licenseId() + " expired at " + license.expiresAt()
                    + ": bulk onboarding is stopped", fix);
        }
        if (license.plan() != Plan.PRODUCTION) {
            return Finding.fail("license " + license.licenseId() + " is a " + license.plan() + " license", fix);
        }
        if (license.expiresAt().isBefore(f.now().plus(EXPIRY_WARNING))) {
            return Finding.warn("license " + license.licenseId() + " expires at " + license.expiresAt()
                    + ", in less than " + EXPIRY_WARNING.toDays() + " days", fix + " (or let the license sync "
                    + "fetch the renewed one)");
        }
        return Finding.pass("production license " + license.licenseId() + " until " + license.expiresAt());
    }

    private static Finding seats(ReadinessFacts f) {
        if (f.license() == null) {
            return Finding.fail("no license is installed, so no seats are paid for", "PUT " + f.api() + "/license");
        }
        int licensed = f.license().license().seats();
        return f.occupiedSeats() <= licensed
                ? Finding.pass(f.occupiedSeats() + " of " + licensed + " licensed seats in use")
                : Finding.fail(f.occupiedSeats() + " seats in use but the license pays for " + licensed,
                "install a license with more seats (PUT " + f.api() + "/license) or revoke members");
    }

    private static Finding sync(ReadinessFacts f) {
        var sync = f.sync();
        if (!sync.configured()) {
            return Finding.warn("no license sync is configured: the license will not be renewed automatically",
                    "set muster.license.sync.url and muster.license.sync.installation-key");
        }
        if (sync.lastFailure() != null && (sync.lastSuccess() == null || sync.lastFailure().isAfter(
                sync.lastSuccess()))) {
            return Finding.warn("the last license sync failed at " + sync.lastFailure() + ": " + sync.lastError(),
                    "check the license server; GET " + f.api() + "/license shows the sync state");
        }
        return sync.lastSuccess() == null ? Finding.warn("the license sync has not run yet", null)
                : Finding.pass("license synced at " + sync.lastSuccess());
    }
}
