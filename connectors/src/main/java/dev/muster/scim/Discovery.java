package dev.muster.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The discovery endpoints (RFC 7644 section 4): {@code /ServiceProviderConfig}, {@code /ResourceTypes} and
 * {@code /Schemas}, describing exactly what this server supports.
 */
final class Discovery {
    private static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    ScimResponse answer(List<String> segments, String baseUrl) {
        return switch (segments.get(0)) {
            case "ServiceProviderConfig" -> ok(serviceProviderConfig(baseUrl));
            case "ResourceTypes" -> segments.size() == 1 ? ok(list(resourceTypes(baseUrl)))
                    : ok(one(resourceTypes(baseUrl), segments.get(1), "ResourceType"));
            default -> segments.size() == 1 ? ok(list(Schemas.all(baseUrl)))
                    : ok(one(Schemas.all(baseUrl), segments.get(1), "Schema"));
        };
    }

    private static ObjectNode serviceProviderConfig(String baseUrl) {
        ObjectNode config = ScimJson.newObject();
        config.putArray("schemas").add(SPC_SCHEMA);
        config.put("documentationUri", "https://muster.dev/docs/scim");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", ListParameters.MAX_COUNT);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", true);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken")
                .put("name", "Bearer token").put("primary", true)
                .put("description", "A SCIM token of the organization: Authorization: Bearer <token>");
        config.set("meta", meta("ServiceProviderConfig", baseUrl + "/ServiceProviderConfig"));
        return config;
    }

    private static List<ObjectNode> resourceTypes(String baseUrl) {
        ObjectNode user = resourceType("User", "/Users", ScimJson.USER_SCHEMA, baseUrl);
        user.putArray("schemaExtensions").addObject().put("schema", ScimJson.ENTERPRISE_SCHEMA).put("required", false);
        return List.of(user, resourceType("Group", "/Groups", ScimJson.GROUP_SCHEMA, baseUrl));
    }

    private static ObjectNode resourceType(String name, String endpoint, String schema, String baseUrl) {
        ObjectNode type = ScimJson.newObject();
        type.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
        type.put("id", name).put("name", name).put("endpoint", endpoint).put("schema", schema)
                .put("description", name + "s of the organization");
        type.set("meta", meta("ResourceType", baseUrl + "/ResourceTypes/" + name));
        return type;
    }

    static ObjectNode meta(String resourceType, String location) {
        ObjectNode meta = ScimJson.newObject();
        meta.put("resourceType", resourceType).put("location", location);
        return meta;
    }

    private static ObjectNode one(List<ObjectNode> resources, String id, String kind) {
        return resources.stream().filter(r -> r.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> ScimFault.notFound("no " + kind + " " + id));
    }

    private static ObjectNode list(List<ObjectNode> resources) {
        ObjectNode list = ScimJson.newObject();
        list.putArray("schemas").add(ScimJson.LIST_SCHEMA);
        list.put("totalResults", resources.size()).put("startIndex", 1).put("itemsPerPage", resources.size());
        ArrayNode array = list.putArray("Resources");
        resources.forEach(array::add);
        return list;
    }

    private static ScimResponse ok(ObjectNode body) {
        return ScimResponse.json(200, ScimJson.write(body));
    }

    static String schemaSchema() {
        return SCHEMA_SCHEMA;
    }
}
