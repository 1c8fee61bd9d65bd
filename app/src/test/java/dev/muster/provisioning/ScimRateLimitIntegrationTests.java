package dev.muster.provisioning;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-token rate limit over HTTP: one request a minute here, so the second in a row is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ScimHttp.ADMIN_TOKEN,
        "muster.data-dir=./target/test-data/scim-rate-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.scim.requests-per-minute=1"})
class ScimRateLimitIntegrationTests {
    @LocalServerPort
    int port;

    @Test
    void answers429WithRetryAfterOncePastTheTokensLimitWhileOtherTokensGoOn() {
        var http = new ScimHttp(port);
        String org = http.organization(Map.of());
        String busy = http.token(org, "busy", "okta");
        String other = http.token(org, "other", "entra");

        assertThat(http.scim("GET", org, "/Users", busy, null).status()).isEqualTo(200);
        ScimHttp.Response limited = http.scim("GET", org, "/Users", busy, null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.text("/schemas/0")).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(http.scim("GET", org, "/Users", other, null).status()).isEqualTo(200);
    }
}
