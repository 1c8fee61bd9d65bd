package dev.muster.rolerules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.onboarding.OnboardingCommand.UpsertGroup;
import dev.muster.onboarding.OnboardingCommand.UpsertPerson;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The role-rules API over HTTP, with people onboarded through the onboarding service by each source. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=./target/test-data/role-rules-${random.uuid}",
        "muster.demo.enabled=true"})
class RoleRulesIntegrationTests {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final String YAML = "application/yaml";
    private static final String JSON = "application/json";
    private static final List<String> GROUPS = List.of("IT", "Finance", "Engineering", "Contractors");
    private static final List<String> COLLECTIONS = List.of("Infrastructure", "Finance", "Engineering",
            "Contractor Handbook", "Shared Logins");

    @LocalServerPort
    int port;
    @Autowired
    Onboarding onboarding;
    @Autowired
    ObjectMapper json;

    RestClient api;

    record Response(int status, JsonNode body, String contentType, String etag, String text) {
    }

    @BeforeEach
    void client() {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TOKEN)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    private Response call(String method, String path, String contentType, String body, Map<String, String> headers) {
        var spec = api.method(HttpMethod.valueOf(method)).uri(path);
        for (var h : headers.entrySet()) {
            spec = spec.header(h.getKey(), h.getValue());
        }
        if (body != null) {
            spec = spec.header("Content-Type", contentType).body(body);
        }
        return spec.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes());
            String type = res.getHeaders().getContentType() == null ? null
                    : res.getHeaders().getContentType().toString();
            JsonNode tree = type != null && type.contains("json") && !text.isEmpty() ? json.readTree(text) : null;
            return new Response(res.getStatusCode().value(), tree, type, res.getHeaders().getETag(), text);
        });
    }

    private Response call(String method, String path, String contentType, String body) {
        return call(method, path, contentType, body, Map.of());
    }

    private Response json(String method, String path, Object body) {
        try {
            return call(method, path, JSON, body == null ? null : json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sample() throws IOException {
        return Files.readString(Path.of("../samples/role-rules.yaml"));
    }

    /** An organization with the groups and collections the sample rules name. */
    private String organization() {
        Response created = json("POST", "/api/organizations", Map.of("name", "Acme", "seats", 50,
                "owner", Map.of("email", "owner@acme.test", "name", "Olive Owner")));
        assertThat(created.status()).isEqualTo(201);
        String org = created.body().get("id").asText();
        GROUPS.forEach(g -> assertThat(json("POST", "/api/organizations/" + org + "/groups", Map.of("name", g))
                .status()).isEqualTo(201));
        COLLECTIONS.forEach(c -> assertThat(json("POST", "/api/organizations/" + org + "/collections",
                Map.of("name", c)).status()).isEqualTo(201));
        return org;
    }

    private Response saveRules(String org, String yaml) {
        return call("PUT", "/api/organizations/" + org + "/role-rules", YAML, yaml);
    }

    private void run(String org, Source source, OnboardingCommand... commands) {
        Actor actor = Actor.system(source == Source.SCIM ? Actor.Kind.SCIM : source == Source.CSV
                ? Actor.Kind.CSV_IMPORT : Actor.Kind.DIRECTORY_SYNC, source.name());
        onboarding.run(new Batch(OrganizationId.of(org), source, actor, List.of(commands), false, "test", null));
    }

    /** Fran (finance, in the Finance group), Ivan (IT by department), Cora (a contractor by e-mail domain). */
    private void onboardPeople(String org, Source source) {
        Map<String, String> fran = Map.of("department", "Accounting", "title", "Controller");
        Map<String, String> ivan = Map.of("department", "IT");
        Map<String, String> cora = Map.of("department", "Engineering");
        if (source == Source.CSV) {
            run(org, source,
                    new UpsertPerson("fran@acme.test", "fran@acme.test", "Fran", fran, null, Set.of("Finance"),
                            List.of(), null, Set.of(), true, "line 2"),
                    new UpsertPerson("ivan@acme.test", "ivan@acme.test", "Ivan", ivan, null, Set.of(), List.of(),
                            null, Set.of(), true, "line 3"),
                    new UpsertPerson("cora@acme.contractors.example", "cora@acme.contractors.example", "Cora", cora,
                            null, Set.of(), List.of(), null, Set.of(), true, "line 4"));
        } else {
            String finance = source == Source.SCIM ? "scim-group-7" : "3f1c9a2e-0000-4000-8000-000000000001";
            run(org, source, new UpsertGroup(finance, "Finance", "cn=finance,ou=groups,dc=acme"),
                    UpsertPerson.of("p-fran", "fran@acme.test", "Fran", fran, Set.of(finance), true),
                    UpsertPerson.of("p-ivan", "ivan@acme.test", "Ivan", ivan, Set.of(), true),
                    UpsertPerson.of("p-cora", "cora@acme.contractors.example", "Cora", cora, Set.of(), true));
        }
    }

    private String memberId(String org, String email) {
        Response list = json("GET", "/api/organizations/" + org + "/members?limit=1000", null);
        for (JsonNode m : list.body().get("items")) {
            if (m.get("email").asText().equals(email)) {
                return m.get("id").asText();
            }
        }
        throw new AssertionError("no member " + email);
    }

    private JsonNode member(String org, String email) {
        return json("GET", "/api/organizations/" + org + "/members/" + memberId(org, email), null).body();
    }

    /** Role, permissions, rule groups and direct rule grants of a member, as comparable text. */
    private String whatRulesGave(String org, String email) {
        JsonNode m = member(org, email);
        var groups = new TreeSet<String>();
        m.get("groups").forEach(g -> {
            if (g.get("origin").asText().equals("RULES")) {
                groups.add(g.get("group").asText());
            }
        });
        var access = new TreeMap<String, String>();
        m.get("access").forEach(a -> {
            if (a.get("origin").asText().equals("RULES") && a.get("viaGroup").isNull()) {
                access.put(a.get("collection").asText(), a.get("level").asText());
            }
        });
        var permissions = new TreeSet<String>();
        m.at("/member/permissions").forEach(p -> permissions.add(p.asText()));
        return m.at("/member/role").asText() + " " + permissions + " groups " + groups + " access " + access;
    }

    @Test
    void givesTheSamePersonTheSameRoleGroupsAndGrantsWhicheverPathBringsThem() throws IOException {
        var gave = new TreeMap<Source, List<String>>();
        for (Source source : List.of(Source.SCIM, Source.DIRECTORY, Source.CSV)) {
            String org = organization();
            assertThat(saveRules(org, sample()).status()).isEqualTo(200);
            onboardPeople(org, source);
            gave.put(source, List.of(whatRulesGave(org, "fran@acme.test"), whatRulesGave(org, "ivan@acme.test"),
                    whatRulesGave(org, "cora@acme.contractors.example")));
        }

        assertThat(gave.get(Source.SCIM)).containsExactly(
                "CUSTOM [ACCESS_EVENT_LOGS, ACCESS_IMPORT_EXPORT, ACCESS_REPORTS] groups [Finance] "
                        + "access {Finance=CAN_EDIT, Shared Logins=READ_ONLY}",
                "ADMIN [] groups [IT] access {Infrastructure=CAN_MANAGE, Shared Logins=CAN_EDIT}",
                "USER [] groups [Contractors] access {Contractor Handbook=READ_ONLY, Engineering=HIDE_PASSWORDS}");
        assertThat(gave.get(Source.DIRECTORY)).isEqualTo(gave.get(Source.SCIM));
        assertThat(gave.get(Source.CSV)).isEqualTo(gave.get(Source.SCIM));
    }

    @Test
    void keepsTheSameDecisionWhenTheSamePersonArrivesByEveryPathInOneOrganization() throws IOException {
        String org = organization();
        assertThat(saveRules(org, sample()).status()).isEqualTo(200);
        var seen = new ArrayList<String>();
        for (Source source : List.of(Source.SCIM, Source.DIRECTORY, Source.CSV)) {
            onboardPeople(org, source);
            seen.add(whatRulesGave(org, "fran@acme.test"));
        }

        assertThat(member(org, "fran@acme.test").get("identities")).hasSize(3);
        assertThat(seen).containsOnly("CUSTOM [ACCESS_EVENT_LOGS, ACCESS_IMPORT_EXPORT, ACCESS_REPORTS] "
                + "groups [Finance] access {Finance=CAN_EDIT, Shared Logins=READ_ONLY}");
    }

    @Test
    void previewThenApplyMakesExactlyThePreviewedChanges() throws IOException {
        String org = organization();
        onboardPeople(org, Source.SCIM);
        String fran = memberId(org, "fran@acme.test");
        String financeCollection = collectionId(org, "Finance");
        assertThat(json("PUT", "/api/organizations/" + org + "/collections/" + financeCollection + "/access",
                Map.of("memberId", fran, "level", "CAN_MANAGE")).status()).isEqualTo(200);

        Response preview = call("POST", "/api/organizations/" + org + "/role-rules/preview", YAML, sample());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(json("GET", "/api/organizations/" + org + "/role-rules", null).body().get("version").asLong())
                .isZero();
        assertThat(member(org, "fran@acme.test").at("/member/role").asText()).isEqualTo("USER");

        Response saved = saveRules(org, sample());
        assertThat(saved.status()).isEqualTo(200);

        assertThat(changesByMember(saved.body().get("applied")))
                .isEqualTo(changesByMember(preview.body().get("run")))
                .containsKey("fran@acme.test");
        assertThat(changesByMember(preview.body().get("run")).get("fran@acme.test"))
                .contains("GROUP_JOINED  -> Finance (RULES)", "GRANT_ADDED  -> Finance CAN_EDIT (RULES)")
                .anyMatch(c -> c.startsWith("ROLE_CHANGED USER [] -> CUSTOM"));
        assertThat(member(org, "fran@acme.test").at("/member/role").asText()).isEqualTo("CUSTOM");
        assertThat(member(org, "fran@acme.test").get("access").toString())
                .contains("\"collection\":\"Finance\",\"level\":\"CAN_MANAGE\",\"origin\":\"MANUAL\"");

        String runId = saved.body().at("/applied/runId").asText();
        Response run = json("GET", "/api/organizations/" + org + "/runs/" + runId, null);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().toString()).contains("role rules version 1");
        assertThat(json("GET", "/api/organizations/" + org + "/role-rules/history", null).body().get(0)
                .get("runId").asText()).isEqualTo(runId);
    }

    private String collectionId(String org, String name) {
        for (JsonNode c : json("GET", "/api/organizations/" + org + "/collections", null).body()) {
            if (c.get("name").asText().equals(name)) {
                return c.get("id").asText();
            }
        }
        throw new AssertionError("no collection " + name);
    }

    private static Map<String, List<String>> changesByMember(JsonNode run) {
        var byMember = new TreeMap<String, List<String>>();
        for (JsonNode m : run.get("members")) {
            var changes = new ArrayList<String>();
            m.get("changes").forEach(c -> changes.add(c.get("kind").asText() + " " + c.get("from").asText("")
                    + " -> " + c.get("to").asText("")));
            java.util.Collections.sort(changes);
            byMember.put(m.get("email").asText(), changes);
        }
        return byMember;
    }

    @Test
    void refusesAStaleVersion() throws IOException {
        String org = organization();
        Response first = saveRules(org, sample());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("version").asLong()).isEqualTo(1);

        Response stale = saveRules(org, sample());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.body().get("code").asText()).isEqualTo("stale-version");
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);

        Response read = json("GET", "/api/organizations/" + org + "/role-rules", null);
        assertThat(read.etag()).isEqualTo("\"1\"");
        Response second = call("PUT", "/api/organizations/" + org + "/role-rules", YAML, sample(),
                Map.of("If-Match", read.etag()));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("version").asLong()).isEqualTo(2);

        Response again = call("PUT", "/api/organizations/" + org + "/role-rules", YAML, sample(),
                Map.of("If-Match", read.etag()));
        assertThat(again.status()).isEqualTo(409);

        Response byDocument = saveRules(org, "version: 2\n" + sample());
        assertThat(byDocument.status()).isEqualTo(200);
        assertThat(byDocument.body().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void reportsEveryErrorNamingRuleAndFieldAndSavesNothing() {
        String org = organization();
        String bad = """
                rules:
                  - name: Finance
                    when: { attribute: title, matches: "(a+)+" }
                    then: { role: ADMIN, permissions: [ACCESS_REPORTS] }
                  - name: Everyone
                    then: { role: USER, grants: [ { collection: Payroll, access: READ_ONLY } ] }
                  - name: Too late
                    when: { group: IT }
                    then: { role: ADMIN, colour: blue }
                  - name: Odd
                    when: { source: [FAX] }
                    then: { role: GOD }
                """;

        Response refused = saveRules(org, bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("code").asText()).isEqualTo("invalid-rules");
        List<String> locations = new ArrayList<>();
        refused.body().get("errors").forEach(e -> locations.add(e.get("location").asText()));
        assertThat(locations).containsExactlyInAnyOrder(
                "rules[2] \"Too late\" then.colour",
                "rules[3] \"Odd\" when.source",
                "rules[3] \"Odd\" then.role");
        assertThat(refused.body().get("detail").asText()).contains("\"FAX\" is not one of");

        Response semantic = saveRules(org, bad.replace(", colour: blue", "")
                .replace("  - name: Odd\n    when: { source: [FAX] }\n    then: { role: GOD }\n", ""));
        List<String> semanticLocations = new ArrayList<>();
        semantic.body().get("errors").forEach(e -> semanticLocations.add(e.get("location").asText()));
        assertThat(semanticLocations).containsExactlyInAnyOrder(
                "rules[0] \"Finance\" when.matches",
                "rules[0] \"Finance\" then.permissions",
                "rules[1] \"Everyone\" then.grants[0].collection",
                "rules[2] \"Too late\" then.role");
        assertThat(json("GET", "/api/organizations/" + org + "/role-rules", null).body().get("version").asLong())
                .isZero();

        Response broken = saveRules(org, "rules: [ { name: x");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("detail").asText()).contains("not valid YAML");
    }

    @Test
    void requiresConfirmationBeforeDemotingAnAdmin() throws IOException {
        String org = organization();
        assertThat(saveRules(org, sample()).status()).isEqualTo(200);
        onboardPeople(org, Source.DIRECTORY);
        assertThat(member(org, "ivan@acme.test").at("/member/role").asText()).isEqualTo("ADMIN");
        String withoutIt = """
                version: 1
                rules:
                  - name: Finance
                    when: { group: Finance }
                    then: { role: CUSTOM, permissions: [ACCESS_REPORTS] }
                """;

        Response refused = saveRules(org, withoutIt);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("confirmation-required");
        assertThat(refused.body().get("detail").asText()).contains("ivan@acme.test (demoted from ADMIN to USER; "
                + "leaves group IT (RULES)");
        assertThat(member(org, "ivan@acme.test").at("/member/role").asText()).isEqualTo("ADMIN");

        Response confirmed = call("PUT", "/api/organizations/" + org + "/role-rules?confirm=true", YAML, withoutIt);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(member(org, "ivan@acme.test").at("/member/role").asText()).isEqualTo("USER");
        assertThat(member(org, "owner@acme.test").at("/member/role").asText()).isEqualTo("OWNER");
    }

    @Test
    void aManualRoleChangePinsTheRoleUntilUnpinned() throws IOException {
        String org = organization();
        assertThat(saveRules(org, sample()).status()).isEqualTo(200);
        onboardPeople(org, Source.SCIM);
        String fran = memberId(org, "fran@acme.test");
        assertThat(json("PUT", "/api/organizations/" + org + "/members/" + fran + "/role", Map.of("role", "USER"))
                .status()).isEqualTo(200);

        Response resaved = call("PUT", "/api/organizations/" + org + "/role-rules", YAML, "version: 1\n" + sample());
        assertThat(resaved.status()).isEqualTo(200);
        assertThat(member(org, "fran@acme.test").at("/member/role").asText()).isEqualTo("USER");
        assertThat(member(org, "fran@acme.test").get("roleExplanation").toString()).contains("pinned by an admin");

        Response unpinned = json("DELETE", "/api/organizations/" + org + "/members/" + fran + "/role-pin", null);
        assertThat(unpinned.status()).isEqualTo(200);
        JsonNode after = member(org, "fran@acme.test");
        assertThat(after.at("/member/role").asText()).isEqualTo("CUSTOM");
        assertThat(after.at("/member/rolePinned").asBoolean()).isFalse();
        assertThat(after.get("roleExplanation").get(0).asText()).startsWith("rule 2 \"Finance\" matched");
    }

    @Test
    void acceptsJsonAndReturnsTheDocumentAsWritten() {
        String org = organization();
        String document = "{\"rules\": [{\"name\": \"IT admins\", \"when\": {\"group\": \"IT Ops\"}, "
                + "\"then\": {\"role\": \"ADMIN\"}}]}";
        Response saved = call("PUT", "/api/organizations/" + org + "/role-rules", JSON, document);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().at("/warnings/0/location").asText()).isEqualTo("rules[0] \"IT admins\" when.group");

        Response read = json("GET", "/api/organizations/" + org + "/role-rules", null);
        assertThat(read.body().get("format").asText()).isEqualTo("JSON");
        assertThat(read.body().at("/rules/0/name").asText()).isEqualTo("IT admins");
        assertThat(read.body().get("document").asText()).isEqualTo(document);
        Response yaml = call("GET", "/api/organizations/" + org + "/role-rules", null, null,
                Map.of("Accept", YAML));
        assertThat(yaml.contentType()).startsWith(YAML);
        assertThat(yaml.text()).isEqualTo(document);
    }

    @Test
    void answers404ForAnUnknownOrganization() {
        Response missing = json("GET", "/api/organizations/" + OrganizationId.random() + "/role-rules", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theDemoOrganizationStartsWithTheSampleRules() throws IOException {
        JsonNode organizations = json("GET", "/api/organizations", null).body();
        String demo = null;
        for (JsonNode o : organizations.isArray() ? organizations : organizations.get("items")) {
            if (o.get("name").asText().equals("Demo Company")) {
                demo = o.get("id").asText();
            }
        }
        assertThat(demo).isNotNull();
        Response rules = json("GET", "/api/organizations/" + demo + "/role-rules", null);
        assertThat(rules.body().get("version").asLong()).isEqualTo(1);
        assertThat(rules.body().get("document").asText()).isEqualTo(sample());
    }
}
