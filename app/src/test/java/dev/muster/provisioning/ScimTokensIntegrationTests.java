package dev.muster.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SCIM tokens: issued once, listed without secrets, revoked; tenancy of the bearer check over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ScimHttp.ADMIN_TOKEN,
        "muster.data-dir=./target/test-data/scim-tokens-${random.uuid}",
        "muster.demo.enabled=false"})
class ScimTokensIntegrationTests {
    @LocalServerPort
    int port;
    ScimHttp http;

    @BeforeEach
    void client() {
        http = new ScimHttp(port);
    }

    @Test
    void issuesATokenOnceAndListsItWithoutTheSecretButWithItsLastUse() {
        String org = http.organization(Map.of());
        ScimHttp.Response issued = http.admin("POST", "/api/organizations/" + org + "/scim-tokens",
                Map.of("name", "Okta production", "provider", "okta"));
        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.text("/token");
        assertThat(secret).startsWith("mst_scim_").hasSizeGreaterThan(40);

        assertThat(http.scim("GET", org, "/Users", secret, null).status()).isEqualTo(200);

        ScimHttp.Response listed = http.admin("GET", "/api/organizations/" + org + "/scim-tokens", null);
        JsonNode token = listed.body().get(0);
        assertThat(token.get("name").asText()).isEqualTo("Okta production");
        assertThat(token.get("provider").asText()).isEqualTo("okta");
        assertThat(token.get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.raw().body()).doesNotContain(secret).doesNotContain("hash");
    }

    @Test
    void answersAWrongTokenAndAnotherOrganizationsTokenWithTheSame401() {
        String acme = http.organization(Map.of());
        String other = http.organization(Map.of());
        String otherToken = http.token(other, "entra", "entra");

        ScimHttp.Response wrong = http.scim("GET", acme, "/Users", "mst_scim_wrong", null);
        ScimHttp.Response foreign = http.scim("GET", acme, "/Users", otherToken, null);
        ScimHttp.Response none = http.scim("GET", acme, "/Users", null, null);
        ScimHttp.Response unknownOrg = http.scim("GET", java.util.UUID.randomUUID().toString(), "/Users", otherToken,
                null);

        for (ScimHttp.Response response : new ScimHttp.Response[] {wrong, foreign, none, unknownOrg}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/scim+json");
            assertThat(response.text("/schemas/0")).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(response.raw().body()).isEqualTo(wrong.raw().body());
        }
        assertThat(http.scim("GET", other, "/Users", otherToken, null).status()).isEqualTo(200);
    }

    @Test
    void refusesARevokedToken() {
        String org = http.organization(Map.of());
        ScimHttp.Response issued = http.admin("POST", "/api/organizations/" + org + "/scim-tokens",
                Map.of("name", "old", "provider", "generic"));
        String secret = issued.text("/token");

        assertThat(http.admin("DELETE", "/api/organizations/" + org + "/scim-tokens/" + issued.text("/id"), null)
                .status()).isEqualTo(204);

        assertThat(http.scim("GET", org, "/Users", secret, null).status()).isEqualTo(401);
        JsonNode listed = http.admin("GET", "/api/organizations/" + org + "/scim-tokens", null).body().get(0);
        assertThat(listed.get("active").asBoolean()).isFalse();
    }

    @Test
    void refusesAnUnknownProviderProfileNamingTheChoices() {
        String org = http.organization(Map.of());
        ScimHttp.Response refused = http.admin("POST", "/api/organizations/" + org + "/scim-tokens",
                Map.of("name", "x", "provider", "ping"));
        assertThat(refused.status()).isEqualTo(400);
    }
}
