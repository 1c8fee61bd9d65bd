package dev.muster.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors in the SCIM error schema, versions and preconditions, and PATCH semantics, over raw HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ScimHttp.ADMIN_TOKEN,
        "muster.data-dir=./target/test-data/scim-protocol-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.scim.max-body-bytes=4096"})
class ScimProtocolIntegrationTests {
    private static final String ADA = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@acme.test",
             "name":{"givenName":"Ada","familyName":"Lovelace"},
             "emails":[{"value":"ada@acme.test","type":"work","primary":true}]}""";

    @LocalServerPort
    int port;
    ScimHttp http;
    String org;
    String token;

    @BeforeEach
    void organization() {
        http = new ScimHttp(port);
        org = http.organization(Map.of());
        token = http.token(org, "generic", "generic");
    }

    private ScimHttp.Response scim(String method, String path, String body) {
        return http.scim(method, org, path, token, body);
    }

    private String createAda() {
        ScimHttp.Response created = scim("POST", "/Users", ADA);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/Users/" + created.text("/id"));
        return created.text("/id");
    }

    private static void assertError(ScimHttp.Response response, int status, String scimType) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/scim+json");
        assertThat(response.text("/schemas/0")).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.text("/status")).isEqualTo(Integer.toString(status));
        assertThat(response.text("/detail")).isNotBlank();
        if (scimType != null) {
            assertThat(response.text("/scimType")).isEqualTo(scimType);
        }
    }

    @Test
    void answersMalformedJsonWith400InvalidSyntaxNever500() {
        assertError(scim("POST", "/Users", "{\"userName\": "), 400, "invalidSyntax");
        assertError(scim("POST", "/Users", "[1,2]"), 400, "invalidSyntax");
        String id = createAda();
        assertError(scim("PATCH", "/Users/" + id, "{\"Operations\": \"nope\"}"), 400, "invalidSyntax");
        assertError(scim("PATCH", "/Users/" + id, "{\"Operations\":[{\"op\":\"explode\",\"path\":\"title\"}]}"),
                400, "invalidSyntax");
    }

    @Test
    void namesWhatIsMissingOrInvalid() {
        assertError(scim("POST", "/Users", "{\"emails\":[{\"value\":\"x@acme.test\"}]}"), 400, "invalidValue");
        assertError(scim("POST", "/Users", "{\"userName\":\"not-an-email\"}"), 400, "invalidValue");
        assertError(scim("POST", "/Users", "{\"userName\":\"a@acme.test\",\"active\":\"maybe\"}"), 400,
                "invalidValue");
        assertError(scim("GET", "/Users?filter=userName%20eq", null), 400, "invalidFilter");
        assertError(scim("GET", "/Users?count=ten", null), 400, "invalidValue");
    }

    @Test
    void answersUnknownIdsWith404() {
        assertError(scim("GET", "/Users/" + java.util.UUID.randomUUID(), null), 404, null);
        assertError(scim("PATCH", "/Users/nope", "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\","
                + "\"value\":\"x\"}]}"), 404, null);
        assertError(scim("DELETE", "/Users/nope", null), 404, null);
        assertError(scim("GET", "/Groups/nope", null), 404, null);
    }

    @Test
    void refusesABodyOverTheConfiguredMaximumWith413() {
        String big = "{\"userName\":\"big@acme.test\",\"title\":\"" + "x".repeat(5000) + "\"}";
        assertError(scim("POST", "/Users", big), 413, null);
    }

    @Test
    void servesVersionsAndHonoursIfNoneMatchAndIfMatch() {
        String id = createAda();
        ScimHttp.Response read = scim("GET", "/Users/" + id, null);
        String etag = read.header("ETag");
        assertThat(etag).startsWith("W/\"").isEqualTo(read.text("/meta/version"));
        assertThat(read.text("/meta/created")).isNotBlank();
        assertThat(read.text("/meta/lastModified")).isNotBlank();
        assertThat(read.text("/meta/resourceType")).isEqualTo("User");

        ScimHttp.Response notModified = http.send("GET", "/scim/v2/" + org + "/Users/" + id, token, null, null,
                Map.of("If-None-Match", etag));
        assertThat(notModified.status()).isEqualTo(304);

        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Countess\"}]}";
        ScimHttp.Response changed = http.send("PATCH", "/scim/v2/" + org + "/Users/" + id, token,
                "application/scim+json", patch, Map.of("If-Match", etag));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        ScimHttp.Response stale = http.send("PATCH", "/scim/v2/" + org + "/Users/" + id, token,
                "application/scim+json", patch, Map.of("If-Match", etag));
        assertError(stale, 412, null);
        assertThat(http.send("GET", "/scim/v2/" + org + "/Users/" + id, token, null, null,
                Map.of("If-None-Match", etag)).status()).isEqualTo(200);
    }

    @Test
    void patchesWithAndWithoutPathAndWithValueFiltersAnsweringTheResourceWhenAttributesAreAsked() {
        String id = createAda();
        String patch = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"ada.l@acme.test"},
                 {"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                  "value":"Research"},
                 {"op":"replace","value":{"displayName":"Ada L.","title":"Analyst"}}]}""";

        ScimHttp.Response patched = scim("PATCH", "/Users/" + id + "?attributes=emails,displayName", patch);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("/emails/0/value")).isEqualTo("ada.l@acme.test");
        assertThat(patched.text("/displayName")).isEqualTo("Ada L.");
        assertThat(patched.body().has("title")).isFalse();
        JsonNode member = http.memberByEmail(org, "ada.l@acme.test");
        assertThat(member.at("/member/name").asText()).isEqualTo("Ada L.");
        assertThat(member.at("/attributes/department").asText()).isEqualTo("Research");
        assertThat(member.at("/attributes/title").asText()).isEqualTo("Analyst");
    }

    @Test
    void appliesAllOperationsOfAPatchOrNone() {
        String id = createAda();
        String patch = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"displayName","value":"Changed"},
                 {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"not an e-mail"}]}""";

        assertError(scim("PATCH", "/Users/" + id, patch), 400, "invalidValue");

        assertThat(scim("GET", "/Users/" + id, null).text("/displayName")).isEqualTo("Ada Lovelace");
        assertThat(http.memberByEmail(org, "ada@acme.test").at("/member/name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void honoursAttributesOnCreateAndReplace() {
        ScimHttp.Response created = scim("POST", "/Users?attributes=userName", ADA);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().has("emails")).isFalse();
        assertThat(created.text("/userName")).isEqualTo("ada@acme.test");

        ScimHttp.Response replaced = scim("PUT", "/Users/" + created.text("/id") + "?excludedAttributes=name",
                ADA.replace("Lovelace", "King"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body().has("name")).isFalse();
        assertThat(replaced.body().has("emails")).isTrue();
    }

    @Test
    void refusesToPatchReadOnlyAttributes() {
        String id = createAda();
        assertError(scim("PATCH", "/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"id\","
                + "\"value\":\"mine\"}]}"), 400, "mutability");
    }

    @Test
    void revokesOnActiveFalseAndRestoresToThePreviousStatusOnActiveTrue() {
        String id = createAda();
        String off = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}";
        assertThat(scim("PATCH", "/Users/" + id, off).status()).isEqualTo(204);
        JsonNode revoked = http.memberByEmail(org, "ada@acme.test");
        assertThat(revoked.at("/member/status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.at("/member/revocationReason").asText()).isEqualTo("SOURCE_DEACTIVATED");
        assertThat(scim("GET", "/Users/" + id, null).body().get("active").asBoolean()).isFalse();

        assertThat(scim("PATCH", "/Users/" + id, off.replace("false", "true")).status()).isEqualTo(204);

        assertThat(http.memberByEmail(org, "ada@acme.test").at("/member/status").asText()).isEqualTo("INVITED");
    }

    @Test
    void refusesAnUnsupportedMethodInsteadOfASilentSuccess() {
        String id = createAda();
        ScimHttp.Response post = scim("POST", "/Users/" + id, ADA);
        assertThat(post.status()).isIn(404, 405);
        assertThat(post.header("Content-Type")).isNotNull();
    }

    @Test
    void acceptsPlainJsonAndRefusesBodiesThatAreNotJson() {
        ScimHttp.Response json = http.send("POST", "/scim/v2/" + org + "/Users", token, "application/json", ADA,
                Map.of());
        assertThat(json.status()).isEqualTo(201);
        assertThat(json.header("Content-Type")).startsWith("application/scim+json");

        ScimHttp.Response xml = http.send("POST", "/scim/v2/" + org + "/Users", token, "application/xml",
                "<user/>", Map.of());
        assertError(xml, 415, null);
    }

    @Test
    void answersUnimplementedAndUnknownEndpointsInTheErrorSchema() {
        assertError(scim("GET", "/Me", null), 501, null);
        assertError(scim("POST", "/Bulk", "{}"), 501, null);
        assertError(scim("GET", "/Widgets", null), 404, null);
    }

    @Test
    void neverEchoesTheBearerTokenBack() {
        ScimHttp.Response list = scim("GET", "/Users", null);
        assertThat(list.raw().headers().map().toString()).doesNotContain(token);
    }
}
