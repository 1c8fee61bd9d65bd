package dev.muster.license;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import dev.muster.readiness.InstalledLicense;
import dev.muster.readiness.License;
import dev.muster.readiness.LicenseCheck;
import dev.muster.readiness.storage.JdbcReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Installs verified licenses and upgrades trial organizations. Each operation is one transaction: a license is
 * either installed with the organization's seats following it, or nothing changes.
 */
@Service
public class LicenseInstallation {
    private final LicenseDocuments documents;
    private final JdbcLicenses licenses;
    private final Organizations organizations;
    private final Support support;

    /** The collaborators that only record: audit trail, readiness state, transactions and time. */
    record Support(AuditLog audit, JdbcReadinessState readiness, TransactionTemplate transactions, Clock clock) {
    }

    LicenseInstallation(LicenseDocuments documents, JdbcLicenses licenses, Organizations organizations,
                        AuditLog audit, JdbcReadinessState readiness, TransactionTemplate transactions, Clock clock) {
        this.documents = documents;
        this.licenses = licenses;
        this.organizations = organizations;
        this.support = new Support(audit, readiness, transactions, clock);
    }

    /**
     * Verifies and installs a license document; a production organization's seats follow the license.
     *
     * @throws LicenseRefused naming what is wrong (signature, organization, expiry, an older license)
     */
    public InstalledLicense install(OrganizationId id, String document, Actor actor) {
        License license = documents.read(document);
        return support.transactions().execute(status -> {
            Organization organization = find(id);
            var now = support.clock().instant();
            if (LicenseCheck.installable(license, id, now) instanceof LicenseCheck.Result.Refused refused) {
                throw new LicenseRefused(HttpStatus.UNPROCESSABLE_ENTITY, refused.code(), refused.reason());
            }
            var current = licenses.find(id);
            if (current.isPresent() && current.get().document().equals(document)) {
                return current.get();
            }
            if (current.isPresent() && license.issuedAt().isBefore(current.get().license().issuedAt())) {
                throw new LicenseRefused(HttpStatus.UNPROCESSABLE_ENTITY, "license-outdated", "license "
                        + license.licenseId() + " was issued at " + license.issuedAt() + ", before the installed "
                        + current.get().license().licenseId() + " (" + current.get().license().issuedAt() + ")");
            }
            var installed = new InstalledLicense(license, document, now, actor.name());
            licenses.install(installed);
            if (organization.plan() == Plan.PRODUCTION && license.plan() == Plan.PRODUCTION) {
                applySeats(organization, license);
            }
            audit(id, actor, AuditEventType.LICENSE_INSTALLED, license.licenseId(), license.plan() + " license, "
                    + license.seats() + " seats, until " + license.expiresAt(), "license installed");
            return installed;
        });
    }

    /**
     * Moves a trial organization to production: needs an installed, current production license; the seats come
     * from the license and the readiness gate is switched on.
     */
    public Organization upgrade(OrganizationId id, Actor actor) {
        return support.transactions().execute(status -> {
            Organization organization = find(id);
            if (organization.plan() == Plan.PRODUCTION) {
                throw new LicenseRefused(HttpStatus.CONFLICT, "already-production", "organization " + id
                        + " is already on the production plan");
            }
            License license = licenses.find(id).map(InstalledLicense::license).orElseThrow(() -> new LicenseRefused(
                    HttpStatus.CONFLICT, "license-missing", "upgrading needs a production license: install it "
                    + "first with PUT /api/organizations/" + id + "/license"));
            var now = support.clock().instant();
            if (LicenseCheck.upgradable(license, id, now) instanceof LicenseCheck.Result.Refused refused) {
                throw new LicenseRefused(HttpStatus.CONFLICT, refused.code(), refused.reason());
            }
            OrganizationSettings settings = organization.settings();
            Organization upgraded = organizations.update(new Organization(id, organization.name(), Plan.PRODUCTION,
                    license.seats(), null, new OrganizationSettings(settings.sendInvitationsOnProvisioning(),
                    settings.removalGracePeriod(), true), organization.createdAt(), organization.version()));
            support.readiness().upgraded(id, now);
            audit(id, actor, AuditEventType.ORGANIZATION_UPGRADED, id.toString(), "TRIAL -> PRODUCTION with "
                    + license.seats() + " seats from license " + license.licenseId() + "; readiness gate on",
                    "upgrade requested");
            return upgraded;
        });
    }

    private void applySeats(Organization organization, License license) {
        if (organization.seats() != license.seats() || organization.seatLimit() != null) {
            organizations.update(new Organization(organization.id(), organization.name(), organization.plan(),
                    license.seats(), null, organization.settings(), organization.createdAt(), organization.version()));
            audit(organization.id(), Actor.system(Actor.Kind.SYSTEM, "license"), AuditEventType.SEATS_CHANGED,
                    organization.id().toString(), organization.seats() + " -> " + license.seats() + " seats",
                    "seats follow license " + license.licenseId());
        }
    }

    private Organization find(OrganizationId id) {
        return organizations.find(id).orElseThrow(() -> new LicenseRefused(HttpStatus.NOT_FOUND, "not-found",
                "organization " + id + " does not exist"));
    }

    private void audit(OrganizationId id, Actor actor, AuditEventType type, String subject, String detail,
                       String reason) {
        support.audit().record(new AuditEvent(id, support.clock().instant(), actor, type, subject, detail, reason));
    }
}
