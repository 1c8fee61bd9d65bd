package dev.muster.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ApiClient.TOKEN,
        "muster.data-dir=target/test-data/purge-${random.uuid}",
        "muster.demo.enabled=false"})
class PurgeIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Onboarding onboarding;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    private String create(String org, String kind, String name) {
        var created = api.call("POST", "/api/organizations/" + org + "/" + kind, Map.of("name", name));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private void people(String org, String... emails) {
        var commands = new ArrayList<OnboardingCommand>();
        for (String email : emails) {
            commands.add(OnboardingCommand.UpsertPerson.of(email, email, null, Map.of(), null, true));
        }
        onboarding.run(new Batch(OrganizationId.of(org), Source.CSV, Actor.system(Actor.Kind.CSV_IMPORT, "t.csv"),
                commands, false, "t.csv", null));
    }

    private String memberId(String org, String email) {
        for (JsonNode m : api.call("GET", "/api/organizations/" + org + "/members", null).body().get("items")) {
            if (m.get("email").asText().equals(email)) {
                return m.get("id").asText();
            }
        }
        throw new AssertionError("no member " + email);
    }

    private static List<String> names(JsonNode entries) {
        var names = new ArrayList<String>();
        entries.forEach(e -> names.add(e.get("name").asText()));
        return names;
    }

    @Test
    void dryRunListsExactlyWhatTheCutoffAndTheMarksRemoveKeepingOwnersAndPurgeRemovesIt() {
        String org = api.createTrial("owner@acme.test");
        create(org, "collections", "Trial vault");
        create(org, "groups", "Trial testers");
        people(org, "tester@acme.test");
        Instant cutoff = Instant.now();
        Awaitility.await().until(() -> Instant.now().isAfter(cutoff));
        String demo = create(org, "collections", "Demo items");
        create(org, "collections", "Finance");
        create(org, "groups", "Engineering");
        people(org, "keeper@acme.test", "demo@acme.test");
        var marked = api.call("PUT", "/api/organizations/" + org + "/test-data", Map.of("collections", List.of(demo),
                "members", List.of(memberId(org, "demo@acme.test"))));
        assertThat(marked.status()).isEqualTo(200);
        JsonNode readiness = api.call("GET", "/api/organizations/" + org + "/readiness", null).body();
        assertThat(readiness.get("blocking").toString()).contains("test-data-purged");

        String purge = "/api/organizations/" + org + "/purge?before=" + cutoff;
        JsonNode plan = api.call("POST", purge + "&dryRun=true", null).body();
        assertThat(names(plan.get("collections"))).containsExactlyInAnyOrder("Trial vault", "Demo items");
        assertThat(names(plan.get("groups"))).containsExactly("Trial testers");
        assertThat(names(plan.get("members"))).containsExactlyInAnyOrder("tester@acme.test", "demo@acme.test");
        assertThat(names(plan.get("keptOwners"))).containsExactly("owner@acme.test");
        assertThat(api.call("GET", "/api/organizations/" + org + "/collections", null).body()).hasSize(3);

        JsonNode applied = api.call("POST", purge + "&dryRun=false", null).body();
        assertThat(applied.get("dryRun").asBoolean()).isFalse();
        assertThat(names(applied.get("members"))).isEqualTo(names(plan.get("members")));
        assertThat(names(api.call("GET", "/api/organizations/" + org + "/collections", null).body()))
                .containsExactly("Finance");
        assertThat(names(api.call("GET", "/api/organizations/" + org + "/groups", null).body()))
                .containsExactly("Engineering");
        var emails = new ArrayList<String>();
        api.call("GET", "/api/organizations/" + org + "/members", null).body().get("items")
                .forEach(m -> emails.add(m.get("email").asText()));
        assertThat(emails).containsExactlyInAnyOrder("owner@acme.test", "keeper@acme.test");
        String events = api.call("GET", "/api/organizations/" + org + "/events", null).text();
        assertThat(events).contains("ORGANIZATION_PURGED", "2 collections, 1 groups, 2 members purged",
                "COLLECTION_DELETED", "MEMBER_REMOVED");
        JsonNode after = api.call("GET", "/api/organizations/" + org + "/readiness", null).body();
        assertThat(after.get("blocking").toString()).doesNotContain("test-data-purged");
        assertThat(api.call("POST", purge + "&dryRun=false", null).body().get("members")).isEmpty();
    }

    @Test
    void dryRunIsTheDefaultAndOwnersCannotBeMarked() {
        String org = api.createTrial("owner2@acme.test");
        String collection = create(org, "collections", "Demo");
        api.call("PUT", "/api/organizations/" + org + "/test-data", Map.of("collections", List.of(collection)));
        JsonNode plan = api.call("POST", "/api/organizations/" + org + "/purge", null).body();
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(names(plan.get("collections"))).containsExactly("Demo");
        assertThat(api.call("GET", "/api/organizations/" + org + "/collections", null).body()).hasSize(1);
        var refused = api.call("PUT", "/api/organizations/" + org + "/test-data",
                Map.of("members", List.of(memberId(org, "owner2@acme.test"))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("protected-owner");
        assertThat(api.call("POST", "/api/organizations/" + org + "/purge?before=2999-01-01T00:00:00Z", null)
                .status()).isEqualTo(400);
        assertThat(api.call("PUT", "/api/organizations/" + org + "/test-data",
                Map.of("groups", List.of(java.util.UUID.randomUUID().toString()))).status()).isEqualTo(404);
    }
}
