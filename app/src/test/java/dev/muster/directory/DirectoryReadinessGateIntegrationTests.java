package dev.muster.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A directory sync that would bring in more than the threshold of new people asks the readiness gate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-directory-gate-1",
        "muster.data-dir=./target/test-data/directory-gate-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.readiness.bulk-threshold=3"})
class DirectoryReadinessGateIntegrationTests {
    private static final String TOKEN = "test-admin-token-directory-gate-1";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    RestClient api;
    TestDirectory directory;

    record Response(int status, JsonNode body) {
    }

    @BeforeEach
    void start() throws Exception {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        directory = new TestDirectory();
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    private Response call(String method, String path, Object body) {
        var spec = api.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            return new Response(res.getStatusCode().value(), bytes.length == 0 ? null : json.readTree(bytes));
        });
    }

    @Test
    void refusesASyncBringingInMoreThanTheThresholdWhileRequiredItemsFailButPlansIt() throws Exception {
        String org = call("POST", "/api/organizations", Map.of("name", "Acme", "plan", "PRODUCTION", "seats", 10,
                "owner", Map.of("email", "owner@acme.test"))).body().get("id").asText();
        directory.people(4);
        assertThat(call("PUT", "/api/organizations/" + org + "/directory", directory.configuration(Map.of()))
                .status()).isEqualTo(200);

        assertThat(call("POST", "/api/organizations/" + org + "/directory/sync?dryRun=true", null).body()
                .get("state").asText()).isEqualTo("PLANNED");
        Response refused = call("POST", "/api/organizations/" + org + "/directory/sync?dryRun=false", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("readiness-gate");
        assertThat(refused.body().get("detail").asText()).contains("4 people (more than 3)");
        assertThat(refused.body().get("failing").toString()).contains("production-license", "client-server-url");
        assertThat(call("GET", "/api/organizations/" + org + "/members", null).body().get("total").asInt())
                .isEqualTo(1);

        call("PATCH", "/api/organizations/" + org, Map.of("settings", Map.of("readinessGate", false)));
        Response applied = call("POST", "/api/organizations/" + org + "/directory/sync?dryRun=false", null);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(call("GET", "/api/organizations/" + org + "/members", null).body().get("total").asInt())
                .isEqualTo(5);
    }
}
