package dev.muster.onboarding;

import dev.muster.organization.Actor;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Plan;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.readiness.BulkOnboardingRefused;
import dev.muster.readiness.InstalledLicense;
import dev.muster.readiness.License;
import dev.muster.readiness.ReadinessFacts;
import dev.muster.readiness.ReadinessGate;
import dev.muster.readiness.ReadinessItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The readiness gate as the onboarding service asks it before a bulk batch (threshold 5). */
class ReadinessGateOnboardingTests {
    private static final int THRESHOLD = 5;

    private final Fixtures fixtures = Fixtures.organization();
    private InstalledLicense license;
    private String serverUrl;
    private Onboarding gated;

    /** Facts read from the in-memory store; the license and server URL are held by the test. */
    private ReadinessFacts facts(OrganizationId id) {
        var store = fixtures.memory.store;
        Organization organization = store.organizations().find(id).orElseThrow();
        return new ReadinessFacts(organization, fixtures.clock.instant(), license,
                store.members().countOccupyingSeats(id), ReadinessFacts.LicenseSyncState.notConfigured(),
                new ReadinessFacts.TrialData(false, null, 0), store.policies().list(id),
                new ReadinessFacts.RoleFacts(store.members().countConfirmedOwners(id), 0, 0, 0),
                new ReadinessFacts.SharedData(0, List.of(), 0, List.of()), serverUrl);
    }

    @BeforeEach
    void gateOn() {
        var store = fixtures.memory.store;
        store.organizations().update(fixtures.organization.withSettings(new dev.muster.organization
                .OrganizationSettings(true, Duration.ofDays(7), true)));
        gated = new Onboarding(store, org -> fixtures.rules, fixtures.invitations, fixtures.events::add,
                fixtures.clock, new ReadinessGate(this::facts, THRESHOLD));
    }

    private BatchResult csv(int rows, boolean dryRun) {
        List<OnboardingCommand> commands = IntStream.rangeClosed(1, rows)
                .<OnboardingCommand>mapToObj(i -> Fixtures.person("line-" + i, "person" + i + "@acme.test")).toList();
        return gated.run(new Batch(fixtures.organization.id(), Source.CSV, Actor.system(Actor.Kind.CSV_IMPORT,
                "staff.csv"), commands, dryRun, "staff.csv", null));
    }

    private void makeReady() {
        var store = fixtures.memory.store;
        OrganizationId org = fixtures.organization.id();
        license = new InstalledLicense(new License("lic-7", org, Plan.PRODUCTION, 100, Fixtures.NOW.minusSeconds(60),
                Fixtures.NOW.plus(Duration.ofDays(365)), Set.of()), "{}", Fixtures.NOW, "admin");
        serverUrl = "https://vault.acme.test";
        store.policies().save(new Policy(org, PolicyType.REQUIRE_TWO_STEP_LOGIN, true, Map.of()));
        store.policies().save(new Policy(org, PolicyType.ACCOUNT_RECOVERY, true, Map.of("autoEnrollment", "true")));
        store.members().insert(Member.newMember(org, "owner@acme.test", "Olive", Map.of("twoFactorEnabled", "true"),
                new ExternalIdentity(Source.MANUAL, "owner"), Fixtures.NOW).invite().accept().confirm()
                .withRole(Role.OWNER, Set.of(), true));
    }

    private long members() {
        return fixtures.memory.store.members().list(new MemberQuery(fixtures.organization.id(), null, null, null, 0,
                100)).total();
    }

    @Test
    void refusesCsvOverTheThresholdWhileRequiredItemsFailAndListsThem() {
        assertThatThrownBy(() -> csv(THRESHOLD + 1, false)).isInstanceOfSatisfying(BulkOnboardingRefused.class,
                refused -> {
                    assertThat(refused.code()).isEqualTo("readiness-gate");
                    assertThat(refused.failing()).extracting(ReadinessItem::id).containsExactly(
                            "two-step-login-policy", "account-recovery-policy", "production-license",
                            "license-seats", "owners", "client-server-url");
                    assertThat(refused.getMessage()).contains("6 people (more than 5)", "production-license");
                });
        assertThat(members()).isZero();
        var runs = fixtures.memory.store.runs().page(fixtures.organization.id(), 0, 10).items();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.state()).isEqualTo(RunState.FAILED);
            assertThat(run.error()).contains("readiness items fail");
        });
    }

    @Test
    void admitsCsvOfAtMostTheThresholdAndDryRunsOfAnySize() {
        assertThat(csv(THRESHOLD, false).items()).hasSize(THRESHOLD);
        assertThat(csv(THRESHOLD + 20, true).items()).hasSize(THRESHOLD + 20);
        assertThat(members()).isEqualTo(THRESHOLD);
    }

    @Test
    void admitsTheBulkBatchOnceEveryRequiredItemPasses() {
        makeReady();
        BatchResult result = csv(THRESHOLD + 1, false);
        assertThat(result.counts()).containsEntry("applied", THRESHOLD + 1);
        assertThat(members()).isEqualTo(THRESHOLD + 2);
    }

    @Test
    void expiredLicenseStopsBulkOnboardingEvenWithTheGateOffButNotSmallBatches() {
        makeReady();
        var store = fixtures.memory.store;
        Organization current = store.organizations().find(fixtures.organization.id()).orElseThrow();
        store.organizations().update(current.withSettings(new dev.muster.organization.OrganizationSettings(true,
                Duration.ofDays(7), false)));
        fixtures.clock.now = Fixtures.NOW.plus(Duration.ofDays(400));
        assertThatThrownBy(() -> csv(THRESHOLD + 1, false)).isInstanceOfSatisfying(BulkOnboardingRefused.class,
                refused -> {
                    assertThat(refused.code()).isEqualTo("license-expired");
                    assertThat(refused.getMessage()).contains("license lic-7 expired at",
                            "existing members keep working");
                });
        assertThat(csv(1, false).counts()).containsEntry("applied", 1);
    }

    @Test
    void countsOnlyNewPeopleOfADirectorySync() {
        makeReady();
        var org = fixtures.organization.id();
        List<OnboardingCommand> first = IntStream.rangeClosed(1, THRESHOLD).<OnboardingCommand>mapToObj(
                i -> Fixtures.person("guid-" + i, "dir" + i + "@acme.test")).toList();
        gated.run(new Batch(org, Source.DIRECTORY, Actor.system(Actor.Kind.DIRECTORY_SYNC, "ldap"), first, false,
                "scheduled", null));
        serverUrl = null;
        List<OnboardingCommand> again = IntStream.rangeClosed(1, THRESHOLD + 1).<OnboardingCommand>mapToObj(
                i -> Fixtures.person("guid-" + i, "dir" + i + "@acme.test")).toList();
        assertThat(gated.run(new Batch(org, Source.DIRECTORY, Actor.system(Actor.Kind.DIRECTORY_SYNC, "ldap"), again,
                false, "scheduled", null)).counts()).containsEntry("applied", 1);
        List<OnboardingCommand> many = IntStream.rangeClosed(10, 10 + THRESHOLD).<OnboardingCommand>mapToObj(
                i -> Fixtures.person("guid-" + i, "dir" + i + "@acme.test")).toList();
        assertThatThrownBy(() -> gated.run(new Batch(org, Source.DIRECTORY, Actor.system(Actor.Kind.DIRECTORY_SYNC,
                "ldap"), many, false, "scheduled", null))).isInstanceOfSatisfying(BulkOnboardingRefused.class,
                refused -> assertThat(refused.failing()).extracting(ReadinessItem::id)
                        .containsExactly("client-server-url"));
    }

    @Test
    void admitBulkAsksTheGateForABatchAppliedInParts() {
        OrganizationId org = fixtures.organization.id();
        assertThatThrownBy(() -> gated.admitBulk(org, Source.CSV, THRESHOLD + 1))
                .isInstanceOfSatisfying(BulkOnboardingRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo("readiness-gate"));
        gated.admitBulk(org, Source.CSV, THRESHOLD);
        gated.admitBulk(org, Source.SCIM, 1000);
        makeReady();
        gated.admitBulk(org, Source.CSV, THRESHOLD + 1);
    }
}
