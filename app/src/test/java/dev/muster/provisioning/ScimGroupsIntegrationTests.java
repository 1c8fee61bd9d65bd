package dev.muster.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** /Groups, the discovery endpoints and POST /.search, driven by the UnboundID SCIM2 client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ScimHttp.ADMIN_TOKEN,
        "muster.data-dir=./target/test-data/scim-groups-${random.uuid}",
        "muster.demo.enabled=false"})
class ScimGroupsIntegrationTests {
    @LocalServerPort
    int port;
    ScimHttp http;
    String org;
    String token;
    ScimService scim;

    @BeforeEach
    void organization() {
        http = new ScimHttp(port);
        org = http.organization(Map.of());
        token = http.token(org, "OneLogin", "onelogin");
        scim = ScimClients.service(port, org, token);
    }

    private String user(String email, String name) throws Exception {
        return scim.create("Users", new UserResource().setUserName(email).setDisplayName(name)).getId();
    }

    @Test
    void createsAGroupWithMembersAndReadsThemBackWithTheirDisplay() throws Exception {
        String ada = user("ada@acme.test", "Ada Lovelace");
        GroupResource created = scim.create("Groups", new GroupResource().setDisplayName("Engineering")
                .setMembers(List.of(new Member().setValue(ada))));

        GroupResource read = scim.retrieve("Groups", created.getId(), GroupResource.class);

        assertThat(read.getDisplayName()).isEqualTo("Engineering");
        assertThat(read.getMembers()).extracting(Member::getValue).containsExactly(ada);
        assertThat(read.getMembers()).extracting(Member::getDisplay).containsExactly("Ada Lovelace");
        assertThat(http.memberByEmail(org, "ada@acme.test").at("/groups/0/origin").asText()).isEqualTo("SCIM");
    }

    @Test
    void patchesMembersAddAndRemoveThroughTheClient() throws Exception {
        String ada = user("ada@acme.test", "Ada");
        String bob = user("bob@acme.test", "Bob");
        String group = scim.create("Groups", new GroupResource().setDisplayName("Ops")).getId();

        ArrayNode both = JsonUtils.valueToNode(List.of(Map.of("value", ada), Map.of("value", bob)));
        scim.modify("Groups", group, new PatchRequest(PatchOperation.add("members", both)), GroupResource.class);
        scim.modifyRequest("Groups", group).removeValues("members[value eq \"" + ada + "\"]").invoke(GroupResource.class);

        GroupResource read = scim.retrieve("Groups", group, GroupResource.class);
        assertThat(read.getMembers()).extracting(Member::getValue).containsExactly(bob);
    }

    @Test
    void refusesAMemberThatIsNotAUserOfTheOrganization() throws Exception {
        String group = scim.create("Groups", new GroupResource().setDisplayName("Ops")).getId();

        ArrayNode ghost = JsonUtils.valueToNode(List.of(Map.of("value", "ghost")));
        assertThatThrownBy(() -> scim.modify("Groups", group, new PatchRequest(PatchOperation.add("members", ghost)),
                GroupResource.class))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void listsGroupsWithoutMembersWhenExcludedAndFiltersByDisplayName() throws Exception {
        String ada = user("ada@acme.test", "Ada");
        scim.create("Groups", new GroupResource().setDisplayName("Engineering")
                .setMembers(List.of(new Member().setValue(ada))));
        scim.create("Groups", new GroupResource().setDisplayName("Finance"));

        ScimHttp.Response lean = http.scim("GET", org, "/Groups?excludedAttributes=members", token, null);
        assertThat(lean.body().get("totalResults").asInt()).isEqualTo(2);
        assertThat(lean.body().get("Resources").get(0).has("members")).isFalse();

        ListResponse<GroupResource> found = scim.searchRequest("Groups").filter("displayName eq \"engineering\"")
                .invoke(GroupResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources().get(0).getMembers()).hasSize(1);
    }

    @Test
    void deletesAGroupAndItsMemberships() throws Exception {
        String ada = user("ada@acme.test", "Ada");
        String group = scim.create("Groups", new GroupResource().setDisplayName("Temp")
                .setMembers(List.of(new Member().setValue(ada)))).getId();

        scim.delete("Groups", group);

        assertThat(http.scim("GET", org, "/Groups/" + group, token, null).status()).isEqualTo(404);
        assertThat(http.memberByEmail(org, "ada@acme.test").get("groups")).isEmpty();
    }

    @Test
    void refusesASecondGroupWithTheSameName() throws Exception {
        scim.create("Groups", new GroupResource().setDisplayName("Ops"));
        ScimHttp.Response duplicate = http.scim("POST", org, "/Groups", token,
                "{\"displayName\":\"ops\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("/scimType")).isEqualTo("uniqueness");
    }

    @Test
    void searchesWithPostAtTheRootAndPerResourceType() throws Exception {
        user("ada@acme.test", "Ada");
        scim.create("Groups", new GroupResource().setDisplayName("Ada fans"));
        String search = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"userName sw \\\"ada\\\" or displayName sw \\\"Ada\\\"\",\"startIndex\":1,\"count\":10}";

        ScimHttp.Response root = http.scim("POST", org, "/.search", token, search);
        ScimHttp.Response users = http.scim("POST", org, "/Users/.search", token, search);

        assertThat(root.body().get("totalResults").asInt()).isEqualTo(3 - 1);
        assertThat(users.body().get("totalResults").asInt()).isEqualTo(1);
        assertThat(users.text("/Resources/0/userName")).isEqualTo("ada@acme.test");
    }

    @Test
    void describesItselfThroughTheDiscoveryEndpoints() throws Exception {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getBulk().isSupported()).isFalse();
        assertThat(config.getFilter().getMaxResults()).isEqualTo(1000);
        assertThat(config.getEtag().isSupported()).isTrue();

        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertThat(types.getResources()).extracting(ResourceTypeResource::getName).containsExactly("User", "Group");
        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertThat(schemas.getResources()).extracting(SchemaResource::getId).contains(
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:ietf:params:scim:schemas:core:2.0:Group");
        JsonNode user = http.scim("GET", org, "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", token, null)
                .body();
        assertThat(user.get("attributes").findValuesAsText("name")).contains("userName", "emails", "active");
    }

}
