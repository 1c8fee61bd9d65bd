package dev.muster.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The schemas this server serves (RFC 7643 section 7): the attributes it reads, keeps and returns. */
final class Schemas {
    private Schemas() {
    }

    static List<ObjectNode> all(String baseUrl) {
        return List.of(user(baseUrl), enterprise(baseUrl), group(baseUrl));
    }

    private static ObjectNode user(String baseUrl) {
        ObjectNode schema = schema(ScimJson.USER_SCHEMA, "User", "User Account", baseUrl);
        ArrayNode attributes = schema.putArray("attributes");
        attributes.add(attribute("userName", "string", false, true, false, "readWrite", "server"));
        attributes.add(complex("name", false, List.of(string("formatted"), string("familyName"),
                string("givenName"), string("middleName"), string("honorificPrefix"), string("honorificSuffix"))));
        attributes.add(string("displayName"));
        attributes.add(string("nickName"));
        attributes.add(string("title"));
        attributes.add(string("userType"));
        attributes.add(string("preferredLanguage"));
        attributes.add(string("locale"));
        attributes.add(string("timezone"));
        attributes.add(attribute("active", "boolean", false, false, false, "readWrite", "none"));
        attributes.add(complex("emails", true, List.of(string("value"), string("display"), string("type"),
                attribute("primary", "boolean", false, false, false, "readWrite", "none"))));
        attributes.add(complex("phoneNumbers", true, List.of(string("value"), string("type"),
                attribute("primary", "boolean", false, false, false, "readWrite", "none"))));
        attributes.add(complex("groups", true, List.of(string("value"), string("display"))).put("mutability",
                "readOnly"));
        return schema;
    }

    private static ObjectNode enterprise(String baseUrl) {
        ObjectNode schema = schema(ScimJson.ENTERPRISE_SCHEMA, "EnterpriseUser", "Enterprise User", baseUrl);
        ArrayNode attributes = schema.putArray("attributes");
        for (String name : List.of("employeeNumber", "costCenter", "organization", "division", "department")) {
            attributes.add(string(name));
        }
        attributes.add(complex("manager", false, List.of(string("value"), string("displayName"))));
        return schema;
    }

    private static ObjectNode group(String baseUrl) {
        ObjectNode schema = schema(ScimJson.GROUP_SCHEMA, "Group", "Group", baseUrl);
        ArrayNode attributes = schema.putArray("attributes");
        attributes.add(attribute("displayName", "string", false, true, false, "readWrite", "none"));
        attributes.add(complex("members", true, List.of(string("value"), string("display"), string("type"))));
        return schema;
    }

    private static ObjectNode schema(String id, String name, String description, String baseUrl) {
        ObjectNode schema = ScimJson.newObject();
        schema.putArray("schemas").add(Discovery.schemaSchema());
        schema.put("id", id).put("name", name).put("description", description);
        schema.set("meta", Discovery.meta("Schema", baseUrl + "/Schemas/" + id));
        return schema;
    }

    private static ObjectNode string(String name) {
        return attribute(name, "string", false, false, false, "readWrite", "none");
    }

    private static ObjectNode complex(String name, boolean multiValued, List<ObjectNode> subAttributes) {
        ObjectNode attribute = attribute(name, "complex", multiValued, false, false, "readWrite", "none");
        ArrayNode subs = attribute.putArray("subAttributes");
        subAttributes.forEach(subs::add);
        return attribute;
    }

    private static ObjectNode attribute(String name, String type, boolean multiValued, boolean required,
                                        boolean caseExact, String mutability, String uniqueness) {
        ObjectNode attribute = ScimJson.newObject();
        attribute.put("name", name).put("type", type).put("multiValued", multiValued).put("required", required)
                .put("caseExact", caseExact).put("mutability", mutability).put("returned", "default")
                .put("uniqueness", uniqueness);
        return attribute;
    }
}
