package dev.muster.license;

import dev.muster.organization.Actor;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.readiness.InstalledLicense;
import dev.muster.readiness.License;
import dev.muster.readiness.ReadinessFacts.LicenseSyncState;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Upload and read an organization's license; upgrade a trial organization to production. */
@RestController
@RequestMapping("/api/organizations/{org}")
class LicenseController {
    private final LicenseInstallation installation;
    private final JdbcLicenses licenses;

    LicenseController(LicenseInstallation installation, JdbcLicenses licenses) {
        this.installation = installation;
        this.licenses = licenses;
    }

    record LicenseView(License license, Instant installedAt, String installedBy, LicenseSyncState sync) {
    }

    record UpgradeView(String id, String plan, int seats, boolean readinessGate) {
    }

    /** The body is the signed document exactly as issued: {@code {"payload": "...", "signature": "..."}}. */
    @PutMapping(value = "/license", consumes = {"application/json", "text/plain"})
    LicenseView upload(@PathVariable String org, @RequestBody String document) {
        OrganizationId id = id(org);
        return view(id, installation.install(id, document, Actor.admin()));
    }

    @GetMapping("/license")
    LicenseView current(@PathVariable String org) {
        OrganizationId id = id(org);
        return view(id, licenses.find(id).orElseThrow(() -> new LicenseRefused(HttpStatus.NOT_FOUND, "not-found",
                "organization " + org + " has no license installed")));
    }

    @PostMapping("/upgrade")
    UpgradeView upgrade(@PathVariable String org) {
        Organization upgraded = installation.upgrade(id(org), Actor.admin());
        return new UpgradeView(upgraded.id().toString(), upgraded.plan().name(), upgraded.seats(),
                upgraded.settings().readinessGate());
    }

    private LicenseView view(OrganizationId id, InstalledLicense installed) {
        return new LicenseView(installed.license(), installed.installedAt(), installed.installedBy(),
                licenses.syncState(id));
    }

    static OrganizationId id(String org) {
        try {
            return OrganizationId.of(org);
        } catch (IllegalArgumentException e) {
            throw new LicenseRefused(HttpStatus.NOT_FOUND, "not-found", "organization " + org + " does not exist");
        }
    }
}
