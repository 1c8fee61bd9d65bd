package dev.muster.readiness;

import dev.muster.organization.OrganizationId;
import dev.muster.organization.Plan;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseCheckTests {
    private final OrganizationId org = OrganizationId.random();

    @Test
    void acceptsCurrentLicenseOfTheOrganization() {
        License license = FactsBuilder.license(org, Plan.PRODUCTION, 20, FactsBuilder.NOW.plus(Duration.ofDays(1)));
        assertThat(LicenseCheck.installable(license, org, FactsBuilder.NOW))
                .isEqualTo(new LicenseCheck.Result.Valid(license));
        assertThat(LicenseCheck.upgradable(license, org, FactsBuilder.NOW))
                .isInstanceOf(LicenseCheck.Result.Valid.class);
    }

    @Test
    void refusesAnotherOrganizationsLicense() {
        License license = FactsBuilder.license(OrganizationId.random(), Plan.PRODUCTION, 20,
                FactsBuilder.NOW.plus(Duration.ofDays(1)));
        assertThat(LicenseCheck.installable(license, org, FactsBuilder.NOW))
                .isInstanceOfSatisfying(LicenseCheck.Result.Refused.class,
                        r -> assertThat(r.code()).isEqualTo("license-other-organization"));
    }

    @Test
    void refusesExpiredLicenseFromTheMomentOfExpiry() {
        License license = FactsBuilder.license(org, Plan.PRODUCTION, 20, FactsBuilder.NOW);
        assertThat(LicenseCheck.installable(license, org, FactsBuilder.NOW))
                .isInstanceOfSatisfying(LicenseCheck.Result.Refused.class,
                        r -> assertThat(r.code()).isEqualTo("license-expired"));
    }

    @Test
    void refusesUpgradeWithATrialLicense() {
        License license = FactsBuilder.license(org, Plan.TRIAL, 20, FactsBuilder.NOW.plus(Duration.ofDays(1)));
        assertThat(LicenseCheck.installable(license, org, FactsBuilder.NOW))
                .isInstanceOf(LicenseCheck.Result.Valid.class);
        assertThat(LicenseCheck.upgradable(license, org, FactsBuilder.NOW))
                .isInstanceOfSatisfying(LicenseCheck.Result.Refused.class,
                        r -> assertThat(r.code()).isEqualTo("license-not-production"));
    }
}
