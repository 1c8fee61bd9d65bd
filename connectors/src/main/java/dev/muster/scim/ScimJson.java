package dev.muster.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** Reading and writing SCIM JSON with the SDK's case-insensitive node factory (attribute names ignore case). */
final class ScimJson {
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String SEARCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    private ScimJson() {
    }

    /** Parses a request body that must be one JSON object; anything else is 400 {@code invalidSyntax}. */
    static ObjectNode object(String body) {
        if (body == null || body.isBlank()) {
            throw ScimFault.badRequest("invalidSyntax", "the request body is empty; a SCIM JSON object is required");
        }
        JsonNode node;
        try {
            node = JsonUtils.getObjectReader().readTree(body);
        } catch (JsonProcessingException e) {
            throw ScimFault.badRequest("invalidSyntax", "the request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ScimFault.badRequest("invalidSyntax", "the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Reads JSON this server wrote itself. */
    static ObjectNode stored(String json) {
        try {
            return (ObjectNode) JsonUtils.getObjectReader().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored SCIM resource is not JSON", e);
        }
    }

    static ObjectNode newObject() {
        return JsonUtils.getJsonNodeFactory().objectNode();
    }

    static ArrayNode newArray() {
        return JsonUtils.getJsonNodeFactory().arrayNode();
    }

    static String write(JsonNode node) {
        try {
            return JsonUtils.getObjectWriter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The field with this name ignoring case, or {@code null}. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue().isNull() ? null : entry.getValue();
            }
        }
        return null;
    }

    static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            throw ScimFault.badRequest("invalidValue", "'" + name + "' must be a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static void remove(ObjectNode node, String name) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().filter(n -> n.equalsIgnoreCase(name)).forEach(node::remove);
    }

    static ObjectNode meta(String resourceType, Instant created, Instant lastModified, String location,
                           String version) {
        ObjectNode meta = newObject();
        meta.put("resourceType", resourceType);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", location);
        meta.put("version", version);
        return meta;
    }
}
