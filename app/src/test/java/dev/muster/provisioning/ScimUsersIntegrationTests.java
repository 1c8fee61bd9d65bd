package dev.muster.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.muster.scim.ScimUserRecord;
import dev.muster.scim.ScimUserRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** /Users driven by the UnboundID SCIM2 client and raw JSON over HTTP, checked on the members they become. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ScimHttp.ADMIN_TOKEN,
        "muster.data-dir=./target/test-data/scim-users-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.scim.max-body-bytes=4096"})
class ScimUsersIntegrationTests {
    @LocalServerPort
    int port;
    ScimHttp http;
    String org;
    String token;
    ScimService scim;
    @Autowired
    ScimUserRecords records;

    @BeforeEach
    void organization() {
        http = new ScimHttp(port);
        org = http.organization(Map.of());
        token = http.token(org, "Okta production", "okta");
        scim = ScimClients.service(port, org, token);
    }

    private static UserResource ada() {
        UserResource user = new UserResource().setUserName("ada@acme.test").setDisplayName("Ada Lovelace")
                .setName(new Name().setGivenName("Ada").setFamilyName("Lovelace"))
                .setEmails(List.of(new Email().setValue("ada@acme.test").setType("work").setPrimary(true)));
        user.setExternalId("00u1ada");
        return user;
    }

    @Test
    void createsAUserAsAnInvitedMemberAndReadsItBack() throws Exception {
        UserResource created = scim.create("Users", ada());

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getMeta().getVersion()).startsWith("W/\"");
        assertThat(created.getMeta().getLocation().toString())
                .isEqualTo("http://localhost:" + port + "/scim/v2/" + org + "/Users/" + created.getId());
        assertThat(created.getActive()).isTrue();
        UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
        assertThat(read.getUserName()).isEqualTo("ada@acme.test");
        assertThat(read.getExternalId()).isEqualTo("00u1ada");
        JsonNode member = http.memberByEmail(org, "ada@acme.test");
        assertThat(member.at("/member/status").asText()).isEqualTo("INVITED");
        assertThat(member.at("/member/name").asText()).isEqualTo("Ada Lovelace");
        assertThat(member.at("/identities/0/sourceId").asText()).isEqualTo(created.getId());
    }

    @Test
    void stagesInsteadWhenTheOrganizationSendsNoInvitationsOnProvisioning() throws Exception {
        String quiet = http.organization(Map.of("sendInvitationsOnProvisioning", false));
        ScimClients.service(port, quiet, http.token(quiet, "entra", "entra")).create("Users", ada());

        assertThat(http.memberByEmail(quiet, "ada@acme.test").at("/member/status").asText()).isEqualTo("STAGED");
    }

    @Test
    void refusesADuplicateUserNameOrExternalIdWith409Uniqueness() throws Exception {
        scim.create("Users", ada());
        UserResource sameExternalId = new UserResource().setUserName("other@acme.test");
        sameExternalId.setExternalId("00u1ada");

        assertThatThrownBy(() -> scim.create("Users", ada())).isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> scim.create("Users", sameExternalId)).isInstanceOf(ResourceConflictException.class)
                .satisfies(e -> assertThat(((ResourceConflictException) e).getScimError().getScimType())
                        .isEqualTo("uniqueness"));
    }

    @Test
    void findsUsersByTheIndexedLookupsAndByAnyFilter() throws Exception {
        String id = scim.create("Users", ada()).getId();
        UserResource bob = new UserResource().setUserName("bob@acme.test").setTitle("Engineer");
        scim.create("Users", bob);

        for (String filter : List.of("userName eq \"ADA@acme.test\"", "externalId eq \"00u1ada\"",
                "id eq \"" + id + "\"", "emails.value eq \"ada@acme.test\"", "displayName eq \"ada LOVELACE\"",
                "name.familyName sw \"Love\"",
                "emails[type eq \"work\" and value co \"@acme\"]", "not (title pr) and userName ew \"acme.test\"")) {
            ListResponse<UserResource> found = scim.searchRequest("Users").filter(filter).invoke(UserResource.class);
            assertThat(found.getTotalResults()).as(filter).isEqualTo(1);
            assertThat(found.getResources().get(0).getId()).as(filter).isEqualTo(id);
        }
        assertThat(scim.searchRequest("Users").filter("userName eq \"" + java.util.UUID.randomUUID() + "\"")
                .invoke(UserResource.class).getTotalResults()).isZero();
    }

    @Test
    void pagesWithDefaultsWhenStartIndexAndCountAreAbsentAndCapsTheCount() throws Exception {
        for (int i = 0; i < 3; i++) {
            scim.create("Users", new UserResource().setUserName("user" + i + "@acme.test"));
        }
        ScimHttp.Response all = http.scim("GET", org, "/Users", token, null);
        assertThat(all.body().get("totalResults").asInt()).isEqualTo(3);
        assertThat(all.body().get("startIndex").asInt()).isEqualTo(1);
        assertThat(all.body().get("Resources").size()).isEqualTo(3);

        ScimHttp.Response page = http.scim("GET", org, "/Users?startIndex=2&count=1&sortBy=userName"
                + "&sortOrder=descending", token, null);
        assertThat(page.body().get("totalResults").asInt()).isEqualTo(3);
        assertThat(page.body().get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(page.text("/Resources/0/userName")).isEqualTo("user1@acme.test");

        ScimHttp.Response capped = http.scim("GET", org, "/Users?count=5000", token, null);
        assertThat(capped.status()).isEqualTo(200);
        assertThat(capped.body().get("itemsPerPage").asInt()).isEqualTo(3);
    }

    @Test
    void listsNoUserWhoseMemberAnAdminRemovedAndPagesTheRestInOneOrder() throws Exception {
        var created = new java.util.ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            created.add(scim.create("Users", new UserResource().setUserName("p" + i + "@acme.test")).getId());
        }
        JsonNode removed = http.memberByEmail(org, "p1@acme.test");
        assertThat(http.admin("DELETE", "/api/organizations/" + org + "/members/" + removed.at("/member/id").asText(),
                null).status()).isEqualTo(200);

        ScimHttp.Response all = http.scim("GET", org, "/Users?count=10", token, null);
        ScimHttp.Response second = http.scim("GET", org, "/Users?startIndex=2&count=2", token, null);

        var listed = new java.util.ArrayList<String>();
        all.body().get("Resources").forEach(r -> listed.add(r.get("id").asText()));
        assertThat(listed).containsExactlyInAnyOrder(created.get(0), created.get(2), created.get(3));
        assertThat(all.body().get("totalResults").asInt()).isEqualTo(3);
        assertThat(second.body().get("totalResults").asInt()).isEqualTo(3);
        assertThat(second.text("/Resources/0/id")).isEqualTo(listed.get(1));
        assertThat(second.text("/Resources/1/id")).isEqualTo(listed.get(2));
    }

    @Test
    void returnsOnlyTheRequestedAttributes() throws Exception {
        String id = scim.create("Users", ada()).getId();

        JsonNode only = http.scim("GET", org, "/Users/" + id + "?attributes=userName,name.givenName", token, null)
                .body();
        assertThat(only.has("userName")).isTrue();
        assertThat(only.has("id")).isTrue();
        assertThat(only.has("emails")).isFalse();
        assertThat(only.at("/name/givenName").asText()).isEqualTo("Ada");
        assertThat(only.at("/name/familyName").isMissingNode()).isTrue();

        JsonNode without = http.scim("GET", org, "/Users/" + id + "?excludedAttributes=emails,meta", token, null)
                .body();
        assertThat(without.has("emails")).isFalse();
        assertThat(without.has("meta")).isFalse();
        assertThat(without.has("userName")).isTrue();
    }

    @Test
    void appliesEmailUserNameAndNameChangesOfAPut() throws Exception {
        UserResource created = scim.create("Users", ada());
        created.setUserName("ada.king@acme.test").setDisplayName("Ada King")
                .setEmails(List.of(new Email().setValue("ada.king@acme.test").setPrimary(true)));

        UserResource replaced = scim.replace(created);

        assertThat(replaced.getUserName()).isEqualTo("ada.king@acme.test");
        JsonNode member = http.memberByEmail(org, "ada.king@acme.test");
        assertThat(member.at("/member/name").asText()).isEqualTo("Ada King");
        assertThat(http.memberByEmail(org, "ada@acme.test")).isNull();
    }

    @Test
    void turnsEnterpriseExtensionAttributesIntoPersonAttributes() throws Exception {
        UserResource user = ada();
        user.setTitle("Engineer");
        user.setExtension(new EnterpriseUserExtension().setDepartment("Finance").setCostCenter("CC-7")
                .setEmployeeNumber("701"));
        scim.create("Users", user);

        JsonNode attributes = http.memberByEmail(org, "ada@acme.test").get("attributes");
        assertThat(attributes.get("department").asText()).isEqualTo("Finance");
        assertThat(attributes.get("costCenter").asText()).isEqualTo("CC-7");
        assertThat(attributes.get("employeeNumber").asText()).isEqualTo("701");
        assertThat(attributes.get("title").asText()).isEqualTo("Engineer");
    }

    @Test
    void deletesByRevokingNowAndAnswers404Afterwards() throws Exception {
        String id = scim.create("Users", ada()).getId();

        ScimHttp.Response deleted = http.send("DELETE", "/scim/v2/" + org + "/Users/" + id, token, null, null,
                Map.of());

        assertThat(deleted.status()).isEqualTo(204);
        assertThatThrownBy(() -> scim.retrieve("Users", id, UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        JsonNode member = http.memberByEmail(org, "ada@acme.test");
        assertThat(member.at("/member/status").asText()).isEqualTo("REVOKED");
        assertThat(member.at("/member/revocationReason").asText()).isEqualTo("SOURCE_DEACTIVATED");
        assertThat(member.get("removeAfter").isNull()).isFalse();
        assertThat(http.scim("GET", org, "/Users", token, null).body().get("totalResults").asInt()).isZero();
    }

    @Test
    void restoresTheMemberUnderItsOldIdWhenADeletedUserNameIsProvisionedAgain() throws Exception {
        String id = scim.create("Users", ada()).getId();
        http.send("DELETE", "/scim/v2/" + org + "/Users/" + id, token, null, null, Map.of());

        UserResource again = scim.create("Users", ada());

        assertThat(again.getId()).isEqualTo(id);
        JsonNode member = http.memberByEmail(org, "ada@acme.test");
        assertThat(member.at("/member/status").asText()).isEqualTo("INVITED");
        assertThat(member.get("removeAfter").isNull()).isTrue();
    }

    @Test
    void refusesToRenameAUserToAnotherUsersUserName() throws Exception {
        scim.create("Users", new UserResource().setUserName("bob@acme.test"));
        UserResource created = scim.create("Users", ada());
        created.setUserName("BOB@acme.test");

        assertThatThrownBy(() -> scim.replace(created)).isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void storageRefusesASecondRecordWithTheSameUserNameIgnoringCase() {
        var organization = dev.muster.organization.OrganizationId.of(org);
        var now = java.time.Instant.now();
        records.save(new ScimUserRecord(organization, "id-1", "Same@acme.test", null, null, "{}", now, now, 0, false));

        assertThatThrownBy(() -> records.save(new ScimUserRecord(organization, "id-2", "same@ACME.test", null, null, "{}",
                now, now, 0, false))).isInstanceOf(ScimUserRecords.Taken.class);
        assertThatThrownBy(() -> records.save(new ScimUserRecord(organization, "id-1", "x@acme.test", null, null, "{}",
                now, now, 5, false))).isInstanceOf(dev.muster.organization.StaleVersion.class);
    }

    @Test
    void removesAtOnceWhenTheGracePeriodIsZero() throws Exception {
        String now = http.organization(Map.of("removalGracePeriod", "PT0S"));
        String secret = http.token(now, "jumpcloud", "jumpcloud");
        String id = ScimClients.service(port, now, secret).create("Users", ada()).getId();

        assertThat(http.send("DELETE", "/scim/v2/" + now + "/Users/" + id, secret, null, null, Map.of()).status())
                .isEqualTo(204);

        assertThat(http.memberByEmail(now, "ada@acme.test")).isNull();
    }

    @Test
    void recordsEveryChangeWithActorScimAndTheTokensName() throws Exception {
        scim.create("Users", ada());

        JsonNode events = http.admin("GET", "/api/organizations/" + org + "/events", null).body().get("items");
        JsonNode invited = null;
        for (JsonNode event : events) {
            if (event.get("type").asText().equals("MEMBER_INVITED")) {
                invited = event;
            }
        }
        assertThat(invited).isNotNull();
        assertThat(invited.toString()).contains("SCIM").contains("Okta production");
    }
}
