package dev.muster.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.license.TestLicenses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV upload path (chunked imports) asks the readiness gate once for the whole file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ApiClient.TOKEN,
        "muster.data-dir=target/test-data/csv-gate-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.csv.drop-enabled=false"})
class CsvReadinessGateIntegrationTests {
    static final TestLicenses VENDOR = new TestLicenses();

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) {
        registry.add("muster.license.public-key", VENDOR::publicKeyBase64);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    record Upload(int status, JsonNode body) {
    }

    private Upload upload(String org, int rows, boolean dryRun) {
        String csv = "email,name\n" + IntStream.rangeClosed(1, rows).mapToObj(i -> "person" + i + "@acme.test,Person "
                + i).collect(Collectors.joining("\n")) + "\n";
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build()
                .post().uri("/api/organizations/" + org + "/invitations/csv?dryRun=" + dryRun + "&fileName=staff.csv")
                .header("Authorization", "Bearer " + ApiClient.TOKEN).header("Content-Type", "text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .exchange((req, res) -> new Upload(res.getStatusCode().value(), json.readTree(res.getBody())));
    }

    @Test
    void refusesALargeCsvForAProductionOrganizationUntilItIsReady() {
        var created = api.call("POST", "/api/organizations", Map.of("name", "Acme", "plan", "PRODUCTION",
                "seats", 50, "owner", Map.of("email", "owner@acme.test")));
        String org = created.body().get("id").asText();

        Upload refused = upload(org, 6, false);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().at("/refusal/code").asText()).isEqualTo("readiness-gate");
        assertThat(refused.body().at("/refusal/message").asText()).contains("6 people (more than 5)",
                "production-license", "client-server-url");
        assertThat(upload(org, 6, true).status()).isEqualTo(200);
        assertThat(upload(org, 5, false).status()).isEqualTo(200);

        api.call("PUT", "/api/organizations/" + org + "/license", VENDOR.sign(TestLicenses.payload("lic-csv", org,
                "PRODUCTION", 50, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(365)))));
        api.call("PUT", "/api/organizations/" + org + "/policies/REQUIRE_TWO_STEP_LOGIN", Map.of("enabled", true));
        api.call("PUT", "/api/organizations/" + org + "/policies/ACCOUNT_RECOVERY", Map.of("enabled", true,
                "settings", Map.of("autoEnrollment", "true")));
        api.call("PUT", "/api/organizations/" + org + "/clients/server-url", Map.of("serverUrl", "https://vault.acme.test"));
        Upload accepted = upload(org, 6, false);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("state").asText()).isEqualTo("SUCCEEDED");
    }
}
