package dev.muster.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * End to end against a real OpenLDAP slapd (Debian's package) started with a throwaway configuration by
 * {@code ldap/slapd-e2e.sh}: full and incremental syncs, LDAPS and StartTLS trusting a CA made for the test, and
 * the server dying in the middle of a paged read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-openldap-e2e-01",
        "muster.data-dir=./target/test-data/openldap-e2e-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.directory.read-attempts=1",
        "muster.directory.scheduling=false"})
class OpenLdapEndToEndIntegrationTests {
    private static final String TOKEN = "test-admin-token-openldap-e2e-01";
    private static final int PEOPLE = 120;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Members members;
    @Autowired
    Groups groups;

    RestClient api;
    Slapd slapd;
    String org;

    record Response(int status, JsonNode body) {
    }

    @BeforeEach
    void start(TestInfo test) throws Exception {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        slapd = Slapd.start(Path.of("target/slapd-e2e", test.getTestMethod().orElseThrow().getName() + "-"
                + System.nanoTime()).toAbsolutePath(), PEOPLE);
        org = call("POST", "/api/organizations", Map.of("name", "Acme", "seats", 500,
                "owner", Map.of("email", "owner@acme.test"))).body().get("id").asText();
    }

    @AfterEach
    void stop() throws Exception {
        slapd.close();
    }

    @Test
    void syncsInFullThenIncrementallyThroughPagedSearch() throws Exception {
        try (var unpaged = slapd.syncUser()) {
            assertThatThrownBy(() -> unpaged.search(Slapd.BASE, SearchScope.SUB, "(objectClass=inetOrgPerson)"))
                    .as("slapd's size limit stops an unpaged read").isInstanceOf(LDAPSearchException.class)
                    .extracting(e -> ((LDAPSearchException) e).getResultCode())
                    .isEqualTo(ResultCode.SIZE_LIMIT_EXCEEDED);
        }
        configure("plain", slapd.port, Map.of("fullSyncInterval", "P1D", "maxRevocationPercent", 100));

        JsonNode full = sync(false);

        assertThat(full.get("state").asText()).as(full.toString()).isEqualTo("SUCCEEDED");
        assertThat(full.get("full").asBoolean()).isTrue();
        assertThat(count(MemberStatus.STAGED)).isEqualTo(PEOPLE);
        var engineering = groups.findByName(orgId(), "engineering").orElseThrow();
        assertThat(groups.memberships(orgId(), engineering.id())).as("nested and circular groups flattened")
                .hasSize(2);
        var ops = groups.findByName(orgId(), "ops").orElseThrow();
        assertThat(groups.memberships(orgId(), ops.id())).as("posixGroup memberUid").hasSize(2);

        try (var admin = slapd.admin()) {
            admin.modify("dn: " + Slapd.dn("user5"), "changetype: modify", "replace: mail",
                    "mail: fifth@example.com", "-", "replace: cn", "cn: Fifth Person");
            admin.delete(Slapd.dn("user9"));
        }
        Member user5 = member("user5@example.com");
        JsonNode incremental = sync(false);

        assertThat(incremental.get("full").asBoolean()).isFalse();
        Member updated = members.find(orgId(), user5.id()).orElseThrow();
        assertThat(updated.email()).isEqualTo("fifth@example.com");
        assertThat(updated.name()).isEqualTo("Fifth Person");
        assertThat(member("user9@example.com").isRevoked()).as("deletions wait for the full run").isFalse();

        JsonNode reconciled = call("POST", path("/directory/sync?dryRun=false&full=true"), null).body();
        assertThat(reconciled.get("full").asBoolean()).isTrue();
        assertThat(member("user9@example.com").isRevoked()).isTrue();
    }

    @Test
    void syncsOverLdapsTrustingTheTestCa() throws Exception {
        configure("ldaps", slapd.ldapsPort, Map.of("caCertificatePem", slapd.caPem()));

        Response test = call("POST", path("/directory/test"), null);
        JsonNode sync = sync(false);

        assertThat(test.body().get("ok").asBoolean()).as(test.body().toString()).isTrue();
        assertThat(test.body().get("people").asInt()).isEqualTo(PEOPLE);
        assertThat(sync.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(count(MemberStatus.STAGED)).isEqualTo(PEOPLE);
    }

    @Test
    void refusesAServerCertificateItDoesNotTrust() throws Exception {
        configure("ldaps", slapd.ldapsPort, Map.of());

        Response test = call("POST", path("/directory/test"), null);

        assertThat(test.body().get("ok").asBoolean()).isFalse();
        assertThat(test.body().get("resultCode").asText()).isEqualTo("91 (connect error)");
        assertThat(count(MemberStatus.STAGED)).isZero();
    }

    @Test
    void syncsOverStartTlsTrustingTheTestCa() throws Exception {
        configure("starttls", slapd.port, Map.of("caCertificatePem", slapd.caPem()));

        JsonNode sync = sync(false);

        assertThat(sync.get("state").asText()).as(sync.toString()).isEqualTo("SUCCEEDED");
        assertThat(count(MemberStatus.STAGED)).isEqualTo(PEOPLE);
    }

    @Test
    void aServerStoppedInTheMiddleOfAPagedReadFailsTheRunAndRevokesNobody() throws Exception {
        configure("plain", slapd.port, Map.of());
        assertThat(sync(false).get("state").asText()).isEqualTo("SUCCEEDED");
        try (var proxy = new PageKillingProxy(slapd.port, 3, slapd::kill)) {
            configure("plain", proxy.port(), Map.of());

            JsonNode failed = sync(false);

            assertThat(failed.get("state").asText()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).contains("nothing changed").contains("81 (server down)");
        }
        assertThat(count(MemberStatus.REVOKED)).isZero();
        assertThat(count(MemberStatus.STAGED)).isEqualTo(PEOPLE);
    }

    private void configure(String security, int ldapPort, Map<String, Object> extra) throws Exception {
        var connection = new HashMap<String, Object>(Map.of("host", "127.0.0.1", "port", ldapPort,
                "security", security, "bindDn", Slapd.SYNC_DN, "bindPassword", slapd.syncPassword(),
                "pageSize", 25));
        var body = new HashMap<String, Object>(Map.of("preset", "openldap", "newMembers", "stage",
                "fullSyncInterval", "PT0S", "mapping", Map.of("baseDn", Slapd.BASE, "userBase", "ou=people",
                        "groupBase", "ou=groups")));
        extra.forEach((k, v) -> {
            if (k.equals("caCertificatePem")) {
                connection.put(k, v);
            } else {
                body.put(k, v);
            }
        });
        body.put("connection", connection);
        Response put = call("PUT", path("/directory"), body);
        assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(200);
    }

    private JsonNode sync(boolean dryRun) {
        Response response = call("POST", path("/directory/sync?dryRun=" + dryRun), null);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private Member member(String email) {
        return members.findByEmail(orgId(), email).orElseThrow(() -> new AssertionError("no member " + email));
    }

    private long count(MemberStatus status) {
        return members.list(new MemberQuery(orgId(), status, null, Source.DIRECTORY, 0, 1)).total();
    }

    private OrganizationId orgId() {
        return OrganizationId.of(org);
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
