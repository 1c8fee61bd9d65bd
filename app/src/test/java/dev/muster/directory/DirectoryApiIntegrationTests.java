package dev.muster.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.Runs;
import dev.muster.organization.OrganizationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The directory configuration API, its test endpoint and the Quartz schedule, over HTTP. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-directory-api-01",
        "muster.data-dir=./target/test-data/directory-api-${random.uuid}",
        "muster.demo.enabled=false"})
class DirectoryApiIntegrationTests {
    private static final String TOKEN = "test-admin-token-directory-api-01";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Runs runs;

    RestClient api;
    TestDirectory directory;
    String org;

    record Response(int status, JsonNode body) {
    }

    @BeforeEach
    void start() throws Exception {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        directory = new TestDirectory();
        org = call("POST", "/api/organizations", Map.of("name", "Acme", "seats", 10,
                "owner", Map.of("email", "owner@acme.test"))).body().get("id").asText();
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    @Test
    void neverReturnsNorStoresNorLogsTheBindPasswordInPlainText(CapturedOutput output) throws Exception {
        directory.person("alice", "alice@example.com", "Alice Archer");
        Response put = call("PUT", path("/directory"), directory.configuration(Map.of()));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().toString()).doesNotContain(TestDirectory.BIND_PASSWORD);
        assertThat(put.body().at("/connection/bindPasswordSet").asBoolean()).isTrue();
        Response get = call("GET", path("/directory"), null);
        assertThat(get.body().toString()).doesNotContain(TestDirectory.BIND_PASSWORD).contains("openldap")
                .contains(TestDirectory.BIND_DN);
        String stored = jdbc.sql("select settings || ' ' || bind_password from directory_configurations "
                + "where organization_id = :org").param("org", OrganizationId.of(org).value())
                .query(String.class).single();
        assertThat(stored).doesNotContain(TestDirectory.BIND_PASSWORD).contains("v1:");

        call("POST", path("/directory/sync?dryRun=false"), null);
        call("POST", path("/directory/test"), null);
        assertThat(output.getAll()).doesNotContain(TestDirectory.BIND_PASSWORD);
    }

    @Test
    void keepsTheStoredPasswordWhenAnUpdateOmitsIt() throws Exception {
        directory.person("alice", "alice@example.com", "Alice Archer");
        call("PUT", path("/directory"), directory.configuration(Map.of()));
        Map<String, Object> update = directory.configuration(Map.of("maxRevocations", 3));
        @SuppressWarnings("unchecked")
        var connection = new HashMap<>((Map<String, Object>) update.get("connection"));
        connection.remove("bindPassword");
        update.put("connection", connection);

        Response put = call("PUT", path("/directory"), update);
        Response test = call("POST", path("/directory/test"), null);

        assertThat(put.body().get("maxRevocations").asInt()).isEqualTo(3);
        assertThat(test.body().get("ok").asBoolean()).as(test.body().toString()).isTrue();
    }

    @Test
    void testsTheConnectionAndShowsMappedPeopleWithWarnings() throws Exception {
        directory.person("alice", "alice@example.com", "Alice Archer");
        directory.person("al", "ALICE@example.com", "Al Archer");
        directory.person("bob", "bob@example.com", "Bob Baker");
        directory.group("staff", TestDirectory.dn("alice"), TestDirectory.dn("bob"));
        call("PUT", path("/directory"), directory.configuration(Map.of()));

        Response test = call("POST", path("/directory/test"), null);

        assertThat(test.status()).isEqualTo(200);
        assertThat(test.body().get("ok").asBoolean()).isTrue();
        assertThat(test.body().get("people").asInt()).isEqualTo(3);
        assertThat(test.body().get("groups").asInt()).isEqualTo(1);
        assertThat(test.body().get("sample").toString()).contains("bob@example.com").contains("Bob Baker");
        assertThat(test.body().get("warnings").toString()).contains("duplicate").contains(TestDirectory.dn("al"));
    }

    @Test
    void aFailedTestSaysWhyWithTheResultCode() {
        var body = directory.configuration(Map.of());
        @SuppressWarnings("unchecked")
        var connection = new HashMap<>((Map<String, Object>) body.get("connection"));
        connection.put("bindPassword", "not-the-password");
        body.put("connection", connection);
        call("PUT", path("/directory"), body);

        Response test = call("POST", path("/directory/test"), null);

        assertThat(test.body().get("ok").asBoolean()).isFalse();
        assertThat(test.body().get("resultCode").asText()).isEqualTo("49 (invalid credentials)");
    }

    @Test
    void refusesBadConfigurationsNamingTheField() {
        assertThat(put(Map.of("preset", "novell")).body().get("detail").asText()).contains("novell");
        assertThat(put(Map.of("schedule", "every minute")).body().get("detail").asText())
                .contains("schedule").contains("every minute");
        assertThat(put(Map.of("mapping.userFilter", "(uid=broken")).body().get("detail").asText())
                .contains("mapping.userFilter");
        assertThat(put(Map.of("maxRevocationPercent", 250)).body().get("detail").asText())
                .contains("maxRevocationPercent");
        assertThat(call("GET", path("/directory"), null).status()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void answersNotFoundForAnOrganizationWithoutDirectory() {
        assertThat(call("POST", path("/directory/sync?dryRun=true"), null).status()).isEqualTo(404);
        assertThat(call("POST", path("/directory/test"), null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/organizations/" + java.util.UUID.randomUUID() + "/directory", null).status())
                .isEqualTo(404);
    }

    @Test
    void runsOnItsQuartzSchedule() throws Exception {
        directory.person("alice", "alice@example.com", "Alice Archer");
        call("PUT", path("/directory"), directory.configuration(Map.of("schedule", "0/1 * * * * ?")));

        await().atMost(Duration.ofSeconds(30)).until(() -> runs.page(OrganizationId.of(org), 0, 50).items().stream()
                .map(Run::trigger).anyMatch(t -> t.contains("schedule 0/1 * * * * ?")));

        call("PUT", path("/directory"), directory.configuration(Map.of("enabled", false)));
        Response get = call("GET", path("/directory"), null);
        assertThat(get.body().get("enabled").asBoolean()).isFalse();
    }

    private Response put(Map<String, Object> overrides) {
        Response response = call("PUT", path("/directory"), directory.configuration(overrides));
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        return response;
    }

    private String path(String rest) {
        return "/api/organizations/" + org + rest;
    }

    Response call(String method, String path, Object body) {
        var spec = api.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes());
            return new Response(res.getStatusCode().value(), text.isEmpty() ? null : json.readTree(text));
        });
    }
}
