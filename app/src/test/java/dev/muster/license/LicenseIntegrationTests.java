package dev.muster.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=target/test-data/license-${random.uuid}",
        "muster.demo.enabled=false"})
class LicenseIntegrationTests {
    private static final String TOKEN = "test-admin-token-0123456789";
    static final TestLicenses VENDOR = new TestLicenses();

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) {
        registry.add("muster.license.public-key", VENDOR::publicKeyPem);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    RestClient api;

    record Response(int status, JsonNode body, String contentType) {
    }

    @BeforeEach
    void client() {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    Response call(String method, String path, String body) {
        var spec = api.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            return new Response(res.getStatusCode().value(), text.isEmpty() ? null : json.readTree(text),
                    res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString());
        });
    }

    String createTrial() throws Exception {
        Response created = call("POST", "/api/organizations", json.writeValueAsString(Map.of("name", "Acme",
                "seats", 5, "owner", Map.of("email", "owner@acme.test"))));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    static String production(String org, int seats, Instant expiresAt) {
        return VENDOR.sign(TestLicenses.payload("lic-" + seats, org, "PRODUCTION", seats,
                Instant.now().minus(Duration.ofDays(1)), expiresAt));
    }

    private static Instant nextYear() {
        return Instant.now().plus(Duration.ofDays(365));
    }

    @Test
    void installsASignedLicenseAndShowsIt() throws Exception {
        String org = createTrial();
        Response installed = call("PUT", "/api/organizations/" + org + "/license", production(org, 40, nextYear()));
        assertThat(installed.status()).isEqualTo(200);
        assertThat(installed.body().at("/license/seats").asInt()).isEqualTo(40);
        Response read = call("GET", "/api/organizations/" + org + "/license", null);
        assertThat(read.body().at("/license/licenseId").asText()).isEqualTo("lic-40");
        assertThat(read.body().at("/license/plan").asText()).isEqualTo("PRODUCTION");
        assertThat(call("GET", "/api/organizations/" + org + "/events", null).body().toString())
                .contains("LICENSE_INSTALLED");
    }

    @Test
    void refusesATamperedLicenseAsABadSignature() throws Exception {
        String org = createTrial();
        byte[] payload = TestLicenses.payload("lic-1", org, "PRODUCTION", 10, Instant.now(), nextYear())
                .getBytes(StandardCharsets.UTF_8);
        byte[] signature = VENDOR.signature(payload);
        byte[] tampered = TestLicenses.payload("lic-1", org, "PRODUCTION", 10000, Instant.now(), nextYear())
                .getBytes(StandardCharsets.UTF_8);
        Response refused = call("PUT", "/api/organizations/" + org + "/license",
                TestLicenses.document(tampered, signature));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("code").asText()).isEqualTo("license-bad-signature");
        assertThat(call("GET", "/api/organizations/" + org + "/license", null).status()).isEqualTo(404);
    }

    @Test
    void refusesALicenseSignedByAnotherKey() throws Exception {
        String org = createTrial();
        String foreign = new TestLicenses().sign(TestLicenses.payload("lic-x", org, "PRODUCTION", 10, Instant.now(),
                nextYear()));
        Response refused = call("PUT", "/api/organizations/" + org + "/license", foreign);
        assertThat(refused.body().get("code").asText()).isEqualTo("license-bad-signature");
    }

    @Test
    void refusesAnotherOrganizationsLicenseNamingBoth() throws Exception {
        String org = createTrial();
        String other = createTrial();
        Response refused = call("PUT", "/api/organizations/" + org + "/license", production(other, 10, nextYear()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("license-other-organization");
        assertThat(refused.body().get("detail").asText()).contains(org, other);
    }

    @Test
    void refusesAnExpiredLicense() throws Exception {
        String org = createTrial();
        Response refused = call("PUT", "/api/organizations/" + org + "/license",
                production(org, 10, Instant.now().minusSeconds(60)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("license-expired");
    }

    @Test
    void refusesMalformedDocumentsNamingTheProblem() throws Exception {
        String org = createTrial();
        Response notJson = call("PUT", "/api/organizations/" + org + "/license", "{oops");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("code").asText()).isEqualTo("license-malformed");
        Response noSignature = call("PUT", "/api/organizations/" + org + "/license", "{\"payload\":\"e30=\"}");
        assertThat(noSignature.body().get("detail").asText()).contains("'signature'");
        Response missingSeats = call("PUT", "/api/organizations/" + org + "/license", VENDOR.sign(
                "{\"licenseId\":\"l\",\"organizationId\":\"" + org + "\",\"plan\":\"PRODUCTION\",\"issuedAt\":\""
                        + Instant.now() + "\",\"expiresAt\":\"" + nextYear() + "\"}"));
        assertThat(missingSeats.status()).isEqualTo(400);
        assertThat(missingSeats.body().get("detail").asText()).contains("seats");
    }

    @Test
    void upgradesATrialWithAProductionLicenseTakingItsSeatsAndSwitchingTheGateOn() throws Exception {
        String org = createTrial();
        Response refused = call("POST", "/api/organizations/" + org + "/upgrade", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("license-missing");

        call("PUT", "/api/organizations/" + org + "/license", production(org, 25, nextYear()));
        Response upgraded = call("POST", "/api/organizations/" + org + "/upgrade", null);
        assertThat(upgraded.status()).isEqualTo(200);
        JsonNode organization = call("GET", "/api/organizations/" + org, null).body();
        assertThat(organization.get("plan").asText()).isEqualTo("PRODUCTION");
        assertThat(organization.get("seats").asInt()).isEqualTo(25);
        assertThat(organization.at("/settings/readinessGate").asBoolean()).isTrue();
        assertThat(call("POST", "/api/organizations/" + org + "/upgrade", null).body().get("code").asText())
                .isEqualTo("already-production");
    }

    @Test
    void refusesUpgradeWithATrialLicense() throws Exception {
        String org = createTrial();
        call("PUT", "/api/organizations/" + org + "/license", VENDOR.sign(TestLicenses.payload("lic-t", org, "TRIAL",
                5, Instant.now(), nextYear())));
        Response refused = call("POST", "/api/organizations/" + org + "/upgrade", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("license-not-production");
    }
}
