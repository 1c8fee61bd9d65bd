package dev.muster.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.MemberAdministration;
import dev.muster.onboarding.Onboarding;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Actor;
import dev.muster.organization.MemberId;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ApiClient.TOKEN,
        "muster.data-dir=target/test-data/shared-data-${random.uuid}",
        "muster.demo.enabled=false"})
class SharedDataIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Onboarding onboarding;
    @Autowired
    MemberAdministration administration;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, json);
    }

    private static String file(String name) throws IOException {
        return new ClassPathResource("readiness/" + name).getContentAsString(StandardCharsets.UTF_8);
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

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(n -> texts.add(n.isTextual() ? n.asText() : n.toString()));
        return texts;
    }

    @Test
    void importsCollectionsAndGroupsWithAccessAndReimportChangesNothing() throws IOException {
        String org = api.createTrial("owner@acme.test");
        var first = api.call("POST", "/api/organizations/" + org + "/import", file("shared-data.json"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("counts").toString()).contains("\"collection-created\":3",
                "\"group-created\":3", "\"access-granted\":3");
        var again = api.call("POST", "/api/organizations/" + org + "/import", file("shared-data.json"));
        assertThat(again.body().get("counts").toString()).contains("\"collection-unchanged\":3",
                "\"group-unchanged\":3", "\"access-unchanged\":3").doesNotContain("created", "granted");
        JsonNode groups = api.call("GET", "/api/organizations/" + org + "/groups", null).body();
        assertThat(groups.toString()).contains("\"externalId\":\"grp-eng\"");

        JsonNode collections = api.call("GET", "/api/organizations/" + org + "/reports/collections", null).body();
        JsonNode engineering = null;
        for (JsonNode c : collections) {
            if (c.get("name").asText().equals("Engineering")) {
                engineering = c;
            }
        }
        assertThat(engineering).isNotNull();
        assertThat(texts(engineering.at("/groups/CAN_MANAGE"))).containsExactly("Platform leads");
        assertThat(texts(engineering.at("/groups/CAN_EDIT"))).containsExactly("Engineers");

        JsonNode report = api.call("GET", "/api/organizations/" + org + "/reports/groups", null).body();
        assertThat(texts(report.get("groupsWithoutCollections"))).containsExactly("Newcomers");
        assertThat(texts(report.get("collectionsWithoutGroups"))).containsExactly("Archive");
    }

    @Test
    void dryRunImportsNothing() throws IOException {
        String org = api.createTrial("owner2@acme.test");
        var planned = api.call("POST", "/api/organizations/" + org + "/import?dryRun=true", file("shared-data.json"));
        assertThat(planned.body().get("counts").toString()).contains("\"collection-created\":3");
        assertThat(api.call("GET", "/api/organizations/" + org + "/collections", null).body()).isEmpty();
    }

    @Test
    void listsEveryErrorWithItsPositionAndImportsNothing() throws IOException {
        String org = api.createTrial("owner3@acme.test");
        var refused = api.call("POST", "/api/organizations/" + org + "/import", file("shared-data-invalid.json"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("invalid-import");
        var errors = new ArrayList<String>();
        refused.body().get("errors").forEach(e -> errors.add(e.get("position").asText() + " " + e.get("message")
                .asText()));
        assertThat(errors).containsExactlyInAnyOrder(
                "/collections/1/name 'name' is required",
                "/collections/2/name duplicate collection name 'finance' (first at /collections/0/name)",
                "/groups/0/collections/0/collection no collection named 'Nowhere' in the file or the organization",
                "/groups/0/collections/1/access unknown access 'ADMIN' (one of [HIDE_PASSWORDS, READ_ONLY, CAN_EDIT, "
                        + "CAN_MANAGE])",
                "/groups/1/externalId 'externalId' must be text");
        assertThat(api.call("GET", "/api/organizations/" + org + "/collections", null).body()).isEmpty();
        var syntax = api.call("POST", "/api/organizations/" + org + "/import", "{\"collections\": [\n  {\"name\": }]}");
        assertThat(syntax.body().at("/errors/0/position").asText()).isEqualTo("line 2, column 12");
    }

    @Test
    void rolesReportListsOwnersAdminsCustomRolesAndRolesFromNoRule() {
        String org = api.createTrial("owner4@acme.test");
        people(org, "ann@acme.test", "bob@acme.test", "cat@acme.test");
        api.call("PUT", "/api/organizations/" + org + "/members/" + memberId(org, "ann@acme.test") + "/role",
                Map.of("role", "CUSTOM", "permissions", List.of("MANAGE_USERS", "ACCESS_REPORTS")));
        api.call("PUT", "/api/organizations/" + org + "/members/" + memberId(org, "bob@acme.test") + "/role",
                Map.of("role", "ADMIN"));
        JsonNode roles = api.call("GET", "/api/organizations/" + org + "/reports/roles", null).body();
        assertThat(roles.at("/owners/0/email").asText()).isEqualTo("owner4@acme.test");
        assertThat(roles.at("/admins/0/email").asText()).isEqualTo("bob@acme.test");
        assertThat(roles.at("/customRoles/0/email").asText()).isEqualTo("ann@acme.test");
        assertThat(texts(roles.at("/customRoles/0/permissions"))).containsExactly("ACCESS_REPORTS", "MANAGE_USERS");
        assertThat(texts(roles.get("roleFromNoRule"))).containsExactly("cat@acme.test");
        assertThat(roles.at("/counts/USER").asInt()).isEqualTo(1);
    }

    @Test
    void enrollsMembersWhoAcceptWhileAutomaticEnrollmentIsOnAndCountsEveryStatus() {
        String org = api.createTrial("owner5@acme.test");
        people(org, "early@acme.test");
        administration.accept(OrganizationId.of(org), MemberId.of(memberId(org, "early@acme.test")));
        api.call("PUT", "/api/organizations/" + org + "/policies/ACCOUNT_RECOVERY", Map.of("enabled", true,
                "settings", Map.of("autoEnrollment", "true")));
        people(org, "new1@acme.test", "new2@acme.test");
        administration.accept(OrganizationId.of(org), MemberId.of(memberId(org, "new1@acme.test")));
        JsonNode report = api.call("GET", "/api/organizations/" + org + "/reports/account-recovery", null).body();
        assertThat(report.get("automaticEnrollment").asBoolean()).isTrue();
        assertThat(report.at("/counts/ENROLLED").asInt()).isEqualTo(1);
        assertThat(report.at("/counts/ENROLLS_ON_ACCEPT").asInt()).isEqualTo(1);
        assertThat(report.at("/counts/NOT_ENROLLED").asInt()).isEqualTo(2);
        assertThat(report.get("members").toString()).contains("{\"email\":\"new1@acme.test\",\"status\":\"ENROLLED\"}",
                "{\"email\":\"new2@acme.test\",\"status\":\"ENROLLS_ON_ACCEPT\"}",
                "{\"email\":\"early@acme.test\",\"status\":\"NOT_ENROLLED\"}");
    }
}
