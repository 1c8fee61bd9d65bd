package dev.muster.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Entra ID, Okta, OneLogin and JumpCloud really send, as raw JSON in their documented shapes
 * (src/test/resources/scim/), each of which has broken a shipped SCIM server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ScimHttp.ADMIN_TOKEN,
        "muster.data-dir=./target/test-data/scim-quirks-${random.uuid}",
        "muster.demo.enabled=false"})
class ScimProviderQuirksIntegrationTests {
    @LocalServerPort
    int port;
    ScimHttp http;
    String org;
    String token;

    @BeforeEach
    void organization() {
        http = new ScimHttp(port);
        org = http.organization(Map.of());
        token = http.token(org, "Entra ID", "entra");
    }

    private static String json(String name, Map<String, String> values) {
        try (InputStream in = ScimProviderQuirksIntegrationTests.class.getResourceAsStream("/scim/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ScimHttp.Response scim(String method, String path, String body) {
        return http.scim(method, org, path, token, body);
    }

    private String create(String file) {
        ScimHttp.Response created = scim("POST", "/Users", json(file, Map.of()));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.text("/id");
    }

    private String status(String email) {
        return http.memberByEmail(org, email).at("/member/status").asText();
    }

    @Test
    void entraProbesWithARandomGuidAndGetsAnEmptyList() {
        String filter = URLEncoder.encode("userName eq \"" + java.util.UUID.randomUUID() + "\"",
                StandardCharsets.UTF_8);
        ScimHttp.Response probe = scim("GET", "/Users?filter=" + filter, null);

        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.body().get("totalResults").asInt()).isZero();
        assertThat(probe.body().get("Resources").size()).isZero();
    }

    @Test
    void entraUsesTheUserPrincipalNameAsEmailWhenNoEmailIsSent() {
        create("entra/create-user.json");

        JsonNode member = http.memberByEmail(org, "grace.hopper@contoso.test");
        assertThat(member.at("/member/status").asText()).isEqualTo("INVITED");
        assertThat(member.at("/attributes/department").asText()).isEqualTo("Navy");
    }

    @Test
    void entraDeactivatesWithACapitalisedReplaceAndTheStringFalse() {
        String id = create("entra/create-user.json");

        assertThat(scim("PATCH", "/Users/" + id, json("entra/disable-user.json", Map.of())).status()).isEqualTo(204);
        assertThat(status("grace.hopper@contoso.test")).isEqualTo("REVOKED");
        assertThat(event("MEMBER_REVOKED").toString()).contains("SCIM").contains("Entra ID");

        assertThat(scim("PATCH", "/Users/" + id, json("entra/enable-user.json", Map.of())).status()).isEqualTo(204);
        assertThat(status("grace.hopper@contoso.test")).isEqualTo("INVITED");
    }

    @Test
    void entraReplacesWithoutPathUsingAttributePathsAsKeys() {
        String id = create("entra/create-user.json");

        assertThat(scim("PATCH", "/Users/" + id, json("entra/update-user-pathless.json", Map.of())).status())
                .isEqualTo(204);

        JsonNode user = scim("GET", "/Users/" + id, null).body();
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Hopper-Murray");
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Grace");
        JsonNode member = http.memberByEmail(org, "grace.hopper@contoso.test");
        assertThat(member.at("/member/name").asText()).isEqualTo("Rear Admiral Hopper");
        assertThat(member.at("/attributes/department").asText()).isEqualTo("Computing");
        assertThat(member.at("/attributes/title").asText()).isEqualTo("Rear Admiral");
    }

    @Test
    void entraRemovesGroupMembersWithAValueArrayAndReAddsWithoutChangingAnything() {
        String member = create("entra/create-user.json");
        ScimHttp.Response group = scim("POST", "/Groups", json("entra/create-group.json", Map.of()));
        assertThat(group.status()).isEqualTo(201);
        String groupId = group.text("/id");

        assertThat(scim("PATCH", "/Groups/" + groupId, json("entra/add-members.json", Map.of("member", member)))
                .status()).isEqualTo(204);
        JsonNode read = scim("GET", "/Groups/" + groupId, null).body();
        assertThat(read.at("/members/0/value").asText()).isEqualTo(member);
        assertThat(read.at("/members/0/display").asText()).isEqualTo("Grace Hopper");
        assertThat(http.memberByEmail(org, "grace.hopper@contoso.test").get("groups")).hasSize(1);
        long eventsBefore = events();

        assertThat(scim("PATCH", "/Groups/" + groupId, json("entra/add-members.json", Map.of("member", member)))
                .status()).isEqualTo(204);
        assertThat(events()).isEqualTo(eventsBefore);

        assertThat(scim("PATCH", "/Groups/" + groupId, json("entra/remove-members.json", Map.of("member", member)))
                .status()).isEqualTo(204);
        assertThat(scim("GET", "/Groups/" + groupId, null).body().get("members")).isEmpty();
        assertThat(http.memberByEmail(org, "grace.hopper@contoso.test").get("groups")).isEmpty();
        assertThat(event("GROUP_CREATED").toString()).contains("SCIM").contains("Entra ID");
        assertThat(event("GROUP_UPDATED").toString()).contains("SCIM").contains("Entra ID");
    }

    @Test
    void oktaLooksUpByUserNameWithCountThenDeactivatesWithAPathlessReplace() {
        String filter = URLEncoder.encode("userName eq \"test.user@okta.test\"", StandardCharsets.UTF_8);
        assertThat(scim("GET", "/Users?filter=" + filter + "&startIndex=1&count=100", null).body()
                .get("totalResults").asInt()).isZero();
        String id = create("okta/create-user.json");
        ScimHttp.Response found = scim("GET", "/Users?filter=" + filter + "&startIndex=1&count=100", null);
        assertThat(found.text("/Resources/0/id")).isEqualTo(id);
        assertThat(found.raw().body()).doesNotContain("1mz050nq").doesNotContain("password");

        assertThat(scim("PATCH", "/Users/" + id, json("okta/deactivate-user.json", Map.of())).status())
                .isEqualTo(204);
        assertThat(status("test.user@okta.test")).isEqualTo("REVOKED");
        assertThat(scim("PATCH", "/Users/" + id, json("okta/reactivate-user.json", Map.of())).status())
                .isEqualTo(204);
        assertThat(status("test.user@okta.test")).isEqualTo("INVITED");
    }

    @Test
    void oktaManagesGroupsWithValueFilterPathsAndRenamesRepeatingTheId() {
        String member = create("okta/create-user.json");
        ScimHttp.Response group = scim("POST", "/Groups", json("okta/create-group.json", Map.of("member", member)));
        assertThat(group.status()).isEqualTo(201);
        String groupId = group.text("/id");
        assertThat(group.text("/members/0/value")).isEqualTo(member);

        assertThat(scim("PATCH", "/Groups/" + groupId, json("okta/rename-group.json", Map.of("group", groupId)))
                .status()).isEqualTo(204);
        assertThat(scim("PATCH", "/Groups/" + groupId, json("okta/remove-member.json", Map.of("member", member)))
                .status()).isEqualTo(204);

        JsonNode read = scim("GET", "/Groups/" + groupId, null).body();
        assertThat(read.get("displayName").asText()).isEqualTo("Finance EMEA");
        assertThat(read.get("members")).isEmpty();
    }

    @Test
    void jumpCloudAndOneLoginListWithoutStartIndexOrCountAndDeleteWithoutBodyOrContentType() {
        String id = create("okta/create-user.json");

        ScimHttp.Response list = scim("GET", "/Users", null);
        assertThat(list.body().get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.body().get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.body().get("itemsPerPage").asInt()).isEqualTo(1);

        ScimHttp.Response deleted = http.send("DELETE", "/scim/v2/" + org + "/Users/" + id, token, null, null,
                Map.of());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(status("test.user@okta.test")).isEqualTo("REVOKED");
    }

    private JsonNode event(String type) {
        for (JsonNode event : http.admin("GET", "/api/organizations/" + org + "/events?limit=500", null).body()
                .get("items")) {
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    private long events() {
        return http.admin("GET", "/api/organizations/" + org + "/events?limit=500", null).body().get("total")
                .asLong();
    }
}
