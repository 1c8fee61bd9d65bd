package dev.muster.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.license.JdbcLicenses;
import dev.muster.license.TestLicenses;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.BatchResult;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Plan;
import dev.muster.organization.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ApiClient.TOKEN,
        "muster.data-dir=target/test-data/readiness-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.readiness.bulk-threshold=3"})
class ReadinessIntegrationTests {
    static final TestLicenses VENDOR = new TestLicenses();

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) {
        registry.add("muster.license.public-key", VENDOR::publicKeyBase64);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Onboarding onboarding;
    @Autowired
    JdbcLicenses licenses;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    private JsonNode item(JsonNode report, String id) {
        for (JsonNode item : report.get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + report);
    }

    private List<String> blocking(String org) {
        var ids = new ArrayList<String>();
        api.call("GET", "/api/organizations/" + org + "/readiness", null).body().get("blocking")
                .forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private BatchResult csv(String org, int rows) {
        List<OnboardingCommand> commands = IntStream.rangeClosed(1, rows).<OnboardingCommand>mapToObj(i ->
                new OnboardingCommand.UpsertPerson("line-" + i + "-" + org, "p" + i + "-" + org.substring(0, 8)
                        + "@acme.test", "Person " + i, Map.of(), null, Set.of(), List.of(), null, Set.of(), true,
                        "line " + i)).toList();
        return onboarding.run(new Batch(OrganizationId.of(org), Source.CSV, Actor.system(Actor.Kind.CSV_IMPORT,
                "staff.csv"), commands, false, "staff.csv", null));
    }

    private void makeReady(String org) {
        api.call("PUT", "/api/organizations/" + org + "/license", VENDOR.sign(TestLicenses.payload("lic-" + org, org,
                "PRODUCTION", 50, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(365)))));
        assertThat(api.call("POST", "/api/organizations/" + org + "/upgrade", null).status()).isEqualTo(200);
        api.call("PUT", "/api/organizations/" + org + "/policies/REQUIRE_TWO_STEP_LOGIN", Map.of("enabled", true));
        api.call("PUT", "/api/organizations/" + org + "/policies/ACCOUNT_RECOVERY", Map.of("enabled", true,
                "settings", Map.of("autoEnrollment", "true")));
        assertThat(api.call("PUT", "/api/organizations/" + org + "/clients/server-url",
                Map.of("serverUrl", "https://vault.acme.test/")).body().get("serverUrl").asText())
                .isEqualTo("https://vault.acme.test");
    }

    @Test
    void reportsEveryItemOfAFreshTrialWithReasonAndFix() {
        String org = api.createTrial("owner@acme.test");
        var response = api.call("GET", "/api/organizations/" + org + "/readiness", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.body();
        assertThat(report.get("items")).hasSize(ReadinessRules.all().size());
        assertThat(report.get("ready").asBoolean()).isFalse();
        JsonNode plan = item(report, "production-plan");
        assertThat(plan.get("status").asText()).isEqualTo("FAIL");
        assertThat(plan.get("fix").asText()).contains("POST /api/organizations/" + org + "/upgrade");
        assertThat(item(report, "owners").get("status").asText()).isEqualTo("WARN");
        assertThat(item(report, "license-sync").get("status").asText()).isEqualTo("WARN");
        assertThat(blocking(org)).containsExactly("production-plan", "two-step-login-policy",
                "account-recovery-policy", "production-license", "license-seats", "client-server-url");
        assertThat(report.at("/gate/threshold").asInt()).isEqualTo(3);
        assertThat(report.at("/gate/enabled").asBoolean()).isFalse();
    }

    @Test
    void becomesReadyStepByStep() {
        String org = api.createTrial("owner2@acme.test");
        makeReady(org);
        JsonNode report = api.call("GET", "/api/organizations/" + org + "/readiness", null).body();
        assertThat(report.get("blocking")).isEmpty();
        assertThat(report.get("ready").asBoolean()).isTrue();
        assertThat(report.at("/gate/enabled").asBoolean()).isTrue();
        assertThat(item(report, "test-data-purged").get("status").asText()).isEqualTo("WARN");
    }

    @Test
    void gateRefusesACsvBatchOverTheThresholdWhileRequiredItemsFailAndAdmitsItOnceReady() {
        String org = api.createTrial("owner3@acme.test");
        api.call("PATCH", "/api/organizations/" + org, Map.of("settings", Map.of("readinessGate", true)));
        assertThat(csv(org, 3).counts()).containsEntry("applied", 3);
        assertThatThrownBy(() -> csv(org, 4)).isInstanceOfSatisfying(BulkOnboardingRefused.class, refused -> {
            assertThat(refused.code()).isEqualTo("readiness-gate");
            assertThat(refused.failing()).extracting(ReadinessItem::id).contains("production-plan",
                    "production-license", "client-server-url");
        });
        JsonNode runs = api.call("GET", "/api/organizations/" + org + "/runs", null).body();
        assertThat(runs.toString()).contains("FAILED", "readiness items fail");
        makeReady(org);
        assertThat(csv(org, 4).counts()).containsEntry("applied", 1).containsEntry("unchanged", 3);
    }

    @Test
    void expiredLicenseStopsBulkOnboardingWithAnErrorThatSaysSo() {
        String org = api.createTrial("owner4@acme.test");
        OrganizationId id = OrganizationId.of(org);
        // A license that was valid when installed and has expired since.
        licenses.install(new InstalledLicense(new License("lic-old", id, Plan.PRODUCTION, 50,
                Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(35)), Set.of()), "{}",
                Instant.now().minus(Duration.ofDays(400)), "admin"));
        assertThatThrownBy(() -> csv(org, 4)).isInstanceOfSatisfying(BulkOnboardingRefused.class, refused -> {
            assertThat(refused.code()).isEqualTo("license-expired");
            assertThat(refused.getMessage()).contains("license lic-old expired at");
        });
        assertThat(csv(org, 2).counts()).containsEntry("applied", 2);
        JsonNode report = api.call("GET", "/api/organizations/" + org + "/readiness", null).body();
        assertThat(item(report, "production-license").get("reason").asText()).contains("expired");
    }

    @Test
    void productionOrganizationStartsWithTheGateOn() {
        var created = api.call("POST", "/api/organizations", Map.of("name", "Fresh", "plan", "PRODUCTION"));
        assertThat(created.body().at("/settings/readinessGate").asBoolean()).isTrue();
    }

    @Test
    void refusesServerUrlsThatAreNotPlainHttps() {
        String org = api.createTrial("owner5@acme.test");
        var refused = api.call("PUT", "/api/organizations/" + org + "/clients/server-url",
                Map.of("serverUrl", "https://vault.acme.test@evil.test"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asText()).contains("user info");
        assertThat(api.call("GET", "/api/organizations/" + org + "/clients/server-url", null).status())
                .isEqualTo(404);
    }

    @Test
    void refusesPolicySettingsThePolicyDoesNotTakeAndDescribesThem() {
        String org = api.createTrial("owner6@acme.test");
        var refused = api.call("PUT", "/api/organizations/" + org + "/policies/MAXIMUM_VAULT_TIMEOUT",
                Map.of("enabled", true, "settings", Map.of("minutes", "never")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asText()).contains("'minutes' is never");
        assertThat(api.call("GET", "/api/policy-settings", null).body().at("/ACCOUNT_RECOVERY/autoEnrollment")
                .asText()).isEqualTo("true or false");
    }

    @Test
    void unknownOrganizationIsNotFound() {
        assertThat(api.call("GET", "/api/organizations/" + OrganizationId.random() + "/readiness", null).status())
                .isEqualTo(404);
    }
}
