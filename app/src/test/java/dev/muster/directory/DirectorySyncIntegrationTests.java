package dev.muster.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.organization.Group;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Directory sync over HTTP against an in-memory directory on a socket, applied to the embedded database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-directory-0123",
        "muster.data-dir=./target/test-data/directory-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.directory.read-attempts=2",
        "muster.directory.retry-backoff=10ms",
        "muster.directory.scheduling=false"})
class DirectorySyncIntegrationTests {
    private static final String TOKEN = "test-admin-token-directory-0123";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Members members;
    @Autowired
    Groups groups;
    @Autowired
    JdbcClient jdbc;

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
        Response created = call("POST", "/api/organizations", Map.of("name", "Acme", "seats", 100,
                "owner", Map.of("email", "owner@acme.test", "name", "Olive Owner")));
        org = created.body().get("id").asText();
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    @Test
    void syncsPeopleAndNestedGroupsThroughTheRoute() throws Exception {
        directory.person("alice", "alice@example.com", "Alice Archer");
        directory.person("bob", "bob@example.com", "Bob Baker");
        directory.group("backend", TestDirectory.dn("bob"), TestDirectory.groupDn("engineering"));
        directory.group("engineering", TestDirectory.dn("alice"), TestDirectory.groupDn("backend"));
        configure(Map.of());

        Response sync = call("POST", "/api/organizations/" + org + "/directory/sync?dryRun=false", null);

        assertThat(sync.status()).isEqualTo(200);
        assertThat(sync.body().get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(member("alice@example.com")).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(MemberStatus.STAGED);
            assertThat(m.name()).isEqualTo("Alice Archer");
            assertThat(m.attributes()).containsEntry("department", "Engineering");
        });
        Group engineering = groups.findByName(orgId(), "engineering").orElseThrow();
        assertThat(groups.memberships(orgId(), engineering.id())).hasSize(2);
        assertThat(engineering.identity().source()).isEqualTo(Source.DIRECTORY);
    }

    @Test
    void aDryRunPlansAndChangesNothing() throws Exception {
        directory.person("alice", "alice@example.com", "Alice Archer");
        configure(Map.of());

        Response plan = call("POST", "/api/organizations/" + org + "/directory/sync?dryRun=true", null);

        assertThat(plan.body().get("state").asText()).isEqualTo("PLANNED");
        assertThat(member("alice@example.com")).isEmpty();
        Response items = call("GET", "/api/organizations/" + org + "/runs/" + plan.body().get("run").asText()
                + "/items", null);
        assertThat(items.body().get("items").toString()).contains("alice@example.com");
    }

    @Test
    void updatesTheMemberOnARenameAndAnEmailChange() throws Exception {
        directory.person("bob", "bob@example.com", "Bob Baker");
        configure(Map.of());
        sync(false);
        Member before = member("bob@example.com").orElseThrow();

        directory.server.modifyDN(TestDirectory.dn("bob"), "uid=robert", true, null);
        directory.server.modify("dn: uid=robert,ou=people," + TestDirectory.BASE, "changetype: modify",
                "replace: mail", "mail: robert@example.com");
        sync(false);

        Member after = members.find(orgId(), before.id()).orElseThrow();
        assertThat(after.email()).isEqualTo("robert@example.com");
        assertThat(after.status()).isEqualTo(MemberStatus.STAGED);
        assertThat(member("bob@example.com")).isEmpty();
    }

    @Test
    void revokesADisabledPersonAndRestoresThemWhenEnabledAgain() throws Exception {
        directory.people(30);
        configure(Map.of());
        sync(false);

        directory.disable("user3");
        sync(false);
        assertThat(member("user3@example.com")).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(MemberStatus.REVOKED);
            assertThat(m.revocationReason()).isEqualTo(RevocationReason.SOURCE_DEACTIVATED);
        });

        directory.enable("user3");
        sync(false);
        assertThat(member("user3@example.com").orElseThrow().status()).isEqualTo(MemberStatus.STAGED);
    }

    @Test
    void reportsDuplicateEmailsNamingBothEntriesAndAppliesNeither() throws Exception {
        directory.person("erin1", "erin@example.com", "Erin Evans");
        directory.person("erin2", "ERIN@example.com", "Erin Ellis");
        directory.person("fay", "fay@example.com", "Fay Fox");
        configure(Map.of());

        JsonNode result = sync(false);

        assertThat(member("erin@example.com")).isEmpty();
        assertThat(member("fay@example.com")).isPresent();
        JsonNode items = call("GET", "/api/organizations/" + org + "/runs/" + result.get("run").asText()
                + "/items", null).body().get("items");
        List<JsonNode> duplicates = StreamSupport.stream(items.spliterator(), false)
                .filter(i -> i.toString().contains("duplicate-email")).toList();
        assertThat(duplicates).hasSize(2);
        assertThat(duplicates.get(0).toString()).contains(TestDirectory.dn("erin1")).contains(TestDirectory.dn("erin2"));
    }

    @Test
    void aReadFailingMidwayFailsTheRunAndChangesNothing() throws Exception {
        directory.people(120);
        configure(Map.of());
        sync(false);
        long staged = count(MemberStatus.STAGED);
        directory.delete("user7");

        directory.failFromSearch(2);
        JsonNode failed = sync(false);

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("error").asText()).contains("52 (unavailable)").contains("nothing changed");
        assertThat(count(MemberStatus.STAGED)).isEqualTo(staged);
        assertThat(count(MemberStatus.REVOKED)).isZero();
        Response run = call("GET", "/api/organizations/" + org + "/runs/" + failed.get("run").asText(), null);
        assertThat(run.body().get("state").asText()).isEqualTo("FAILED");
    }

    @Test
    void retriesATransientFailureWithinTheRun() throws Exception {
        directory.people(120);
        configure(Map.of());
        directory.failOnceAtSearch(2);

        JsonNode result = sync(false);

        assertThat(result.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(count(MemberStatus.STAGED)).isEqualTo(120);
    }

    @Test
    void anIncrementalRunReadsOnlyChangesAndLeavesDeletionsToTheFullReconciliation() throws Exception {
        directory.people(5);
        configure(Map.of("fullSyncInterval", "P1D", "maxRevocationPercent", 100));
        assertThat(sync(false).get("full").asBoolean()).isTrue();
        directory.delete("user1");
        directory.server.modify("dn: " + TestDirectory.dn("user2"), "changetype: modify", "replace: cn",
                "cn: Renamed Person");

        JsonNode incremental = sync(false);

        assertThat(incremental.get("full").asBoolean()).isFalse();
        assertThat(member("user2@example.com").orElseThrow().name()).isEqualTo("Renamed Person");
        assertThat(member("user1@example.com").orElseThrow().isRevoked()).isFalse();

        JsonNode full = call("POST", "/api/organizations/" + org + "/directory/sync?dryRun=false&full=true", null)
                .body();

        assertThat(full.get("full").asBoolean()).isTrue();
        assertThat(member("user1@example.com").orElseThrow().isRevoked()).isTrue();
    }

    @Test
    void anIncrementalRunCanFollowUpdateSequenceNumbers() throws Exception {
        directory.people(3);
        configure(Map.of("fullSyncInterval", "P1D", "maxRevocationPercent", 100, "mapping.changeAttribute",
                "uSNChanged"));
        assertThat(sync(false).get("full").asBoolean()).isTrue();
        directory.server.modify("dn: " + TestDirectory.dn("user2"), "changetype: modify", "replace: cn",
                "cn: Changed After The Mark", "-", "replace: uSNChanged", "uSNChanged: 150");
        directory.server.modify("dn: " + TestDirectory.dn("user1"), "changetype: modify", "replace: cn",
                "cn: Changed Before The Mark", "-", "replace: uSNChanged", "uSNChanged: 099");

        JsonNode incremental = sync(false);

        assertThat(incremental.get("full").asBoolean()).isFalse();
        assertThat(member("user2@example.com").orElseThrow().name()).isEqualTo("Changed After The Mark");
        assertThat(member("user1@example.com").orElseThrow().name()).as("USN below the stored mark: not read")
                .isEqualTo("User Number1");
    }

    @Test
    void anEmptyReadRevokesNobody() throws Exception {
        directory.people(5);
        configure(Map.of());
        sync(false);

        configure(Map.of("mapping.userFilter", "(uid=nobody-matches-this)"));
        JsonNode result = sync(false);

        assertThat(result.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(count(MemberStatus.REVOKED)).isZero();
        assertThat(count(MemberStatus.STAGED)).isEqualTo(5);
    }

    @Test
    void holdsARunOverTheRevocationThresholdUntilApproved() throws Exception {
        directory.people(30);
        configure(Map.of("maxRevocations", 2));
        sync(false);
        directory.delete("user1");
        directory.delete("user2");
        directory.delete("user3");

        JsonNode held = sync(false);
        assertThat(held.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(held.get("error").asText()).contains("would revoke 3 of 31");
        assertThat(count(MemberStatus.REVOKED)).isZero();
        String run = held.get("run").asText();

        Response approved = call("POST", "/api/organizations/" + org + "/runs/" + run + "/approve", null);

        assertThat(approved.body().get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(count(MemberStatus.REVOKED)).isEqualTo(3);
        assertThat(member("user1@example.com").orElseThrow().removeAfter()).isNotNull();
        assertThat(call("GET", "/api/organizations/" + org + "/runs/" + run, null).body().get("state").asText())
                .isEqualTo("APPROVED");
        assertThat(call("POST", "/api/organizations/" + org + "/runs/" + run + "/approve", null).status())
                .isEqualTo(409);
    }

    @Test
    void aRejectedRunAppliesNothing() throws Exception {
        directory.people(10);
        configure(Map.of());
        sync(false);
        for (int i = 0; i < 5; i++) {
            directory.delete("user" + i);
        }

        JsonNode held = sync(false);
        assertThat(held.get("state").asText()).as("5 of 11 is over 5%").isEqualTo("AWAITING_APPROVAL");
        String run = held.get("run").asText();
        Response rejected = call("POST", "/api/organizations/" + org + "/runs/" + run + "/reject", null);

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(count(MemberStatus.REVOKED)).isZero();
        assertThat(call("GET", "/api/organizations/" + org + "/runs/" + run, null).body().get("state").asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void rePlansAHeldRunWhenTheOrganizationChangedSince() throws Exception {
        directory.people(10);
        configure(Map.of());
        sync(false);
        directory.delete("user0");
        directory.delete("user1");
        String run = sync(false).get("run").asText();
        Member user5 = member("user5@example.com").orElseThrow();
        call("POST", "/api/organizations/" + org + "/members/" + user5.id() + "/revoke", Map.of());

        Response approved = call("POST", "/api/organizations/" + org + "/runs/" + run + "/approve", null);

        assertThat(approved.body().get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(approved.body().get("run").asText()).isNotEqualTo(run);
        assertThat(member("user0@example.com").orElseThrow().isRevoked()).isFalse();
        assertThat(call("GET", "/api/organizations/" + org + "/runs/" + run, null).body().get("error").asText())
                .contains("re-planned as run " + approved.body().get("run").asText());
    }

    private void configure(Map<String, Object> overrides) {
        Response put = call("PUT", "/api/organizations/" + org + "/directory", directory.configuration(overrides));
        assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(200);
    }

    private JsonNode sync(boolean dryRun) {
        Response response = call("POST", "/api/organizations/" + org + "/directory/sync?dryRun=" + dryRun, null);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private OrganizationId orgId() {
        return OrganizationId.of(org);
    }

    private Optional<Member> member(String email) {
        return members.findByEmail(orgId(), email).filter(m -> m.identity(Source.DIRECTORY).isPresent());
    }

    private long count(MemberStatus status) {
        return members.list(new MemberQuery(orgId(), status, null, Source.DIRECTORY, 0, 1)).total();
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
