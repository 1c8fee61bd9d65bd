package dev.muster.readiness;

import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Plan;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Readiness facts for the rules' tests: {@link #ready()} passes every item; each setter breaks one thing. */
final class FactsBuilder {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    Organization organization = new Organization(OrganizationId.random(), "Acme", Plan.PRODUCTION, 50, null,
            new OrganizationSettings(true, Duration.ofDays(7), true), NOW.minus(Duration.ofDays(40)), 0);
    InstalledLicense license;
    long occupied = 10;
    ReadinessFacts.LicenseSyncState sync = new ReadinessFacts.LicenseSyncState(true, NOW.minusSeconds(60), null, null);
    ReadinessFacts.TrialData trial = new ReadinessFacts.TrialData(true, NOW.minus(Duration.ofDays(1)), 0);
    final List<Policy> policies = new ArrayList<>();
    ReadinessFacts.RoleFacts roles = new ReadinessFacts.RoleFacts(2, 1, 1, 0);
    ReadinessFacts.SharedData shared = new ReadinessFacts.SharedData(3, List.of(), 2, List.of());
    String serverUrl = "https://vault.acme.test";

    static FactsBuilder ready() {
        var builder = new FactsBuilder();
        builder.license = installed(license(builder.organization.id(), Plan.PRODUCTION, 50,
                NOW.plus(Duration.ofDays(365))));
        builder.enable(PolicyType.REQUIRE_TWO_STEP_LOGIN, Map.of());
        builder.enable(PolicyType.ACCOUNT_RECOVERY, Map.of("autoEnrollment", "true"));
        for (PolicyType type : PolicyRules.RECOMMENDED) {
            builder.enable(type, Map.of());
        }
        return builder;
    }

    static License license(OrganizationId organization, Plan plan, int seats, Instant expiresAt) {
        return new License("lic-1", organization, plan, seats, NOW.minus(Duration.ofDays(30)), expiresAt,
                Set.of("scim", "directory"));
    }

    static InstalledLicense installed(License license) {
        return new InstalledLicense(license, "{}", NOW.minus(Duration.ofDays(1)), "admin");
    }

    FactsBuilder enable(PolicyType type, Map<String, String> settings) {
        policies.removeIf(p -> p.type() == type);
        policies.add(new Policy(organization.id(), type, true, settings));
        return this;
    }

    FactsBuilder disable(PolicyType type) {
        policies.removeIf(p -> p.type() == type);
        policies.add(new Policy(organization.id(), type, false, Map.of()));
        return this;
    }

    ReadinessFacts build() {
        return new ReadinessFacts(organization, NOW, license, occupied, sync, trial, policies, roles, shared,
                serverUrl);
    }

    ReadinessItem item(String id) {
        return ReadinessRules.evaluate(build()).items().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow();
    }
}
