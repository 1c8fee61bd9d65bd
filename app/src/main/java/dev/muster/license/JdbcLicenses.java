package dev.muster.license;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Plan;
import dev.muster.readiness.InstalledLicense;
import dev.muster.readiness.License;
import dev.muster.readiness.Licenses;
import dev.muster.readiness.ReadinessFacts.LicenseSyncState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Installed licenses in {@code licenses} and the license sync's state in {@code license_sync_state}. */
@Repository
public class JdbcLicenses implements Licenses {
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final boolean syncConfigured;

    JdbcLicenses(JdbcClient jdbc, LicenseProperties properties) {
        this.jdbc = jdbc;
        this.syncConfigured = properties.sync().configured();
    }

    @Override
    public Optional<InstalledLicense> find(OrganizationId organization) {
        return jdbc.sql("select * from licenses where organization_id = :org").param("org", organization.value())
                .query((rs, n) -> new InstalledLicense(new License(rs.getString("license_id"),
                        new OrganizationId(rs.getObject("organization_id", UUID.class)),
                        Plan.valueOf(rs.getString("plan")), rs.getInt("seats"), instant(rs, "issued_at"),
                        instant(rs, "expires_at"), features(rs.getString("features"))), rs.getString("document"),
                        instant(rs, "installed_at"), rs.getString("installed_by"))).optional();
    }

    @Override
    public void install(InstalledLicense installed) {
        License license = installed.license();
        UUID org = license.organizationId().value();
        jdbc.sql("delete from licenses where organization_id = :org").param("org", org).update();
        jdbc.sql("insert into licenses (organization_id, license_id, plan, seats, issued_at, expires_at, features, "
                        + "document, installed_at, installed_by) values (:org, :id, :plan, :seats, :issued, :expires, "
                        + ":features, :document, :installed, :by)")
                .param("org", org).param("id", license.licenseId()).param("plan", license.plan().name())
                .param("seats", license.seats()).param("issued", timestamp(license.issuedAt()))
                .param("expires", timestamp(license.expiresAt())).param("features", write(license.features()))
                .param("document", installed.document()).param("installed", timestamp(installed.installedAt()))
                .param("by", installed.installedBy() == null ? "unknown" : installed.installedBy()).update();
    }

    /** Organizations with a license installed: the ones the license sync keeps current. */
    public List<OrganizationId> licensedOrganizations() {
        return jdbc.sql("select organization_id from licenses order by organization_id")
                .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class))).list();
    }

    @Override
    public LicenseSyncState syncState(OrganizationId organization) {
        boolean configured = syncConfigured;
        return jdbc.sql("select * from license_sync_state where organization_id = :org")
                .param("org", organization.value())
                .query((rs, n) -> new LicenseSyncState(configured, instant(rs, "last_success_at"),
                        instant(rs, "last_failure_at"), rs.getString("last_error"))).optional()
                .orElse(new LicenseSyncState(configured, null, null, null));
    }

    public void syncSucceeded(OrganizationId organization, Instant at) {
        upsertSyncState(organization);
        jdbc.sql("update license_sync_state set last_success_at = :at where organization_id = :org")
                .param("org", organization.value()).param("at", timestamp(at)).update();
    }

    public void syncFailed(OrganizationId organization, Instant at, String error) {
        upsertSyncState(organization);
        jdbc.sql("update license_sync_state set last_failure_at = :at, last_error = :error "
                        + "where organization_id = :org")
                .param("org", organization.value()).param("at", timestamp(at)).param("error", error).update();
    }

    private void upsertSyncState(OrganizationId organization) {
        int exists = jdbc.sql("select count(*) from license_sync_state where organization_id = :org")
                .param("org", organization.value()).query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql("insert into license_sync_state (organization_id) values (:org)")
                    .param("org", organization.value()).update();
        }
    }

    private String write(Set<String> features) {
        try {
            return json.writeValueAsString(features);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> features(String text) {
        try {
            return Set.of(json.readValue(text, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored license features are not a JSON array", e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
