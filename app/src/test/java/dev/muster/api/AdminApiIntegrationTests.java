package dev.muster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.onboarding.Onboarding;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=target/test-data/admin-api-${random.uuid}",
        "muster.demo.enabled=false"})
class AdminApiIntegrationTests {
    private static final String TOKEN = "test-admin-token-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    Onboarding onboarding;
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

    private Response call(String method, String path, Object body, String token) {
        var spec = api.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes());
            return new Response(res.getStatusCode().value(), text.isEmpty() ? null : json.readTree(text),
                    res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString());
        });
    }

    private Response call(String method, String path, Object body) {
        return call(method, path, body, TOKEN);
    }

    private String createOrganization() {
        Response created = call("POST", "/api/organizations", Map.of("name", "Acme", "seats", 5,
                "owner", Map.of("email", "owner@acme.test", "name", "Olive Owner")));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    @Test
    void refusesEveryApiCallWithoutTheAdminToken() {
        assertThat(call("GET", "/api/organizations", null, null).status()).isEqualTo(401);
        Response wrong = call("GET", "/api/organizations", null, "wrong-token-wrong-token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    @Test
    void createsAnOrganizationWithAConfirmedOwner() {
        String org = createOrganization();

        Response members = call("GET", "/api/organizations/" + org + "/members", null);
        assertThat(members.body().get("total").asInt()).isEqualTo(1);
        JsonNode owner = members.body().get("items").get(0);
        assertThat(owner.get("role").asText()).isEqualTo("OWNER");
        assertThat(owner.get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void listsMembersOnboardedByAPathWithFiltersAndShowsTheirOrigins() {
        String org = createOrganization();
        onboarding.run(new Batch(OrganizationId.of(org), Source.SCIM, Actor.system(Actor.Kind.SCIM, "okta"),
                List.of(OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of(), null, true),
                        OnboardingCommand.UpsertPerson.of("u2", "bob@acme.test", "Bob", Map.of(), null, true)),
                false, "test", null));

        Response invited = call("GET", "/api/organizations/" + org + "/members?status=INVITED&source=SCIM", null);
        assertThat(invited.body().get("total").asInt()).isEqualTo(2);
        String ada = invited.body().get("items").findValues("email").stream().map(JsonNode::asText).toList()
                .indexOf("ada@acme.test") == 0 ? invited.body().get("items").get(0).get("id").asText()
                : invited.body().get("items").get(1).get("id").asText();

        Response detail = call("GET", "/api/organizations/" + org + "/members/" + ada, null);
        assertThat(detail.body().at("/identities/0/source").asText()).isEqualTo("SCIM");
        assertThat(detail.body().get("roleExplanation").get(0).asText()).contains("USER");

        Response runs = call("GET", "/api/organizations/" + org + "/runs", null);
        assertThat(runs.body().get("items").get(0).get("counts").get("invited").asInt()).isEqualTo(2);
    }

    @Test
    void changesAndPinsARoleThenRefusesToDemoteTheLastOwner() {
        String org = createOrganization();
        String owner = call("GET", "/api/organizations/" + org + "/members?role=OWNER", null)
                .body().get("items").get(0).get("id").asText();

        Response demote = call("PUT", "/api/organizations/" + org + "/members/" + owner + "/role",
                Map.of("role", "USER"));

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.contentType()).startsWith("application/problem+json");
        assertThat(demote.body().get("code").asText()).isEqualTo("last-owner");
    }

    @Test
    void namesTheFieldAtFault() {
        Response bad = call("POST", "/api/organizations", Map.of("name", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("name");

        Response badRole = call("PUT", "/api/organizations/" + createOrganization() + "/members/"
                + java.util.UUID.randomUUID() + "/role", Map.of("role", "EMPEROR"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body().get("detail").asText()).contains("EMPEROR");
    }

    @Test
    void neverShowsOneOrganizationsMembersUnderAnother() {
        String acme = createOrganization();
        String other = createOrganization();
        String acmeOwner = call("GET", "/api/organizations/" + acme + "/members", null)
                .body().get("items").get(0).get("id").asText();

        assertThat(call("GET", "/api/organizations/" + other + "/members/" + acmeOwner, null).status())
                .isEqualTo(404);
        assertThat(call("POST", "/api/organizations/" + other + "/members/" + acmeOwner + "/revoke", null).status())
                .isEqualTo(404);
        assertThat(call("GET", "/api/organizations/" + java.util.UUID.randomUUID() + "/members", null).status())
                .isEqualTo(404);
    }

    @Test
    void enablingTwoStepLoginRevokesNonCompliantMembersAndTheAuditSaysSo() {
        String org = createOrganization();
        onboarding.run(new Batch(OrganizationId.of(org), Source.CSV, Actor.system(Actor.Kind.CSV_IMPORT, "f.csv"),
                List.of(OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of(), null, true)),
                false, "test", null));

        Response saved = call("PUT", "/api/organizations/" + org + "/policies/REQUIRE_TWO_STEP_LOGIN",
                Map.of("enabled", true));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("revokedMembers").get(0).asText()).isEqualTo("ada@acme.test");
        Response events = call("GET", "/api/organizations/" + org + "/events", null);
        assertThat(events.body().get("items").findValues("type").stream().map(JsonNode::asText))
                .contains("MEMBER_REVOKED", "POLICY_UPDATED");
    }

    @Test
    void servesTheOpenApiDocument() {
        Response doc = call("GET", "/v3/api-docs", null, null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body().get("paths").has("/api/organizations/{org}/members")).isTrue();
    }

    @Test
    void reportsHealthWithTheDatabaseAndPublishesPrometheusMetrics() {
        onboarding.run(new Batch(OrganizationId.of(createOrganization()), Source.SCIM,
                Actor.system(Actor.Kind.SCIM, "okta"),
                List.of(OnboardingCommand.UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of(), null, true)),
                false, "test", null));

        Response health = call("GET", "/actuator/health", null, null);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");

        String metrics = api.get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("muster_members{status=\"INVITED\"}")
                .contains("muster_batch_items_total{outcome=\"invited\"}")
                .contains("muster_invitations_total");
    }
}
