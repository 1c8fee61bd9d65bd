package dev.muster.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PATCH bodies as identity providers really send them, made standard before the SDK parses them: operation names
 * in any case ({@code "Replace"} from Entra ID), and path-less operations whose value keys are attribute paths
 * ({@code {"name.givenName": "Ada"}}) split into one operation per path. Operations are applied to a copy of the
 * resource, so a failing operation leaves nothing changed.
 */
final class Patches {
    private Patches() {
    }

    /** Parses the body into standard operations. */
    static List<ObjectNode> operations(ObjectNode body) {
        JsonNode schemas = ScimJson.field(body, "schemas");
        if (schemas != null && schemas.isArray() && schemas.size() > 0) {
            boolean patchOp = false;
            for (JsonNode schema : schemas) {
                patchOp |= ScimJson.PATCH_SCHEMA.equalsIgnoreCase(schema.asText());
            }
            if (!patchOp) {
                throw ScimFault.badRequest("invalidSyntax", "a PATCH body has the schema " + ScimJson.PATCH_SCHEMA);
            }
        }
        JsonNode operations = ScimJson.field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimFault.badRequest("invalidSyntax", "'Operations' must be a non-empty array");
        }
        var standard = new ArrayList<ObjectNode>();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw ScimFault.badRequest("invalidSyntax", "each operation must be a JSON object");
            }
            standard.addAll(standardize((ObjectNode) operation));
        }
        return standard;
    }

    private static List<ObjectNode> standardize(ObjectNode operation) {
        String op = ScimJson.text(operation, "op");
        if (op == null || !List.of("add", "remove", "replace").contains(op.toLowerCase(Locale.ROOT))) {
            throw ScimFault.badRequest("invalidSyntax", "op must be add, remove or replace, not " + op);
        }
        op = op.toLowerCase(Locale.ROOT);
        String path = ScimJson.text(operation, "path");
        JsonNode value = ScimJson.field(operation, "value");
        if (op.equals("remove") && path == null) {
            throw ScimFault.badRequest("noTarget", "a remove operation needs a path");
        }
        if (op.equals("remove") && path.equalsIgnoreCase("members") && value != null && value.isArray()) {
            return removeMembers(value);
        }
        if (path != null || value == null || !value.isObject()) {
            return List.of(operation(op, path, value));
        }
        var split = new ArrayList<ObjectNode>();
        ObjectNode plain = ScimJson.newObject();
        for (var it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (isAttributePath(field.getKey())) {
                split.add(operation(op, field.getKey(), field.getValue()));
            } else {
                plain.set(field.getKey(), field.getValue());
            }
        }
        if (!plain.isEmpty()) {
            split.add(0, operation(op, null, plain));
        }
        return split;
    }

    /** Entra ID removes members with a value array; standard SCIM says the same with a value filter path. */
    private static List<ObjectNode> removeMembers(JsonNode values) {
        var operations = new ArrayList<ObjectNode>();
        for (JsonNode member : values) {
            String id = ScimJson.text(member, "value");
            if (id == null) {
                throw ScimFault.badRequest("invalidValue", "each member to remove needs a 'value'");
            }
            operations.add(operation("remove", "members[value eq \"" + id.replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"]", null));
        }
        return operations;
    }

    private static boolean isAttributePath(String key) {
        if (key.regionMatches(true, 0, "urn:", 0, 4)) {
            return !key.equalsIgnoreCase(ScimJson.ENTERPRISE_SCHEMA);
        }
        return key.contains(".");
    }

    private static ObjectNode operation(String op, String path, JsonNode value) {
        ObjectNode operation = ScimJson.newObject();
        operation.put("op", op);
        if (path != null) {
            operation.put("path", path);
        }
        if (value != null) {
            operation.set("value", value);
        }
        return operation;
    }

    /** Applies the operations to a copy of the resource and returns the copy. */
    static ObjectNode apply(ObjectNode resource, List<ObjectNode> operations) {
        ArrayNode array = ScimJson.newArray();
        operations.forEach(array::add);
        ObjectNode body = ScimJson.newObject();
        body.putArray("schemas").add(ScimJson.PATCH_SCHEMA);
        body.set("Operations", array);
        PatchRequest request;
        try {
            request = JsonUtils.getObjectReader().treeToValue(body, PatchRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ScimFault.badRequest("invalidSyntax", "the PATCH operations cannot be read: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        GenericScimResource copy = new GenericScimResource(resource.deepCopy());
        try {
            request.apply(copy);
        } catch (ScimException e) {
            throw ScimFault.of(e);
        }
        ObjectNode patched = copy.getObjectNode();
        // Okta repeats the id in path-less replaces; only a different id is an attempt to change it.
        if (!String.valueOf(ScimJson.text(resource, "id")).equals(String.valueOf(ScimJson.text(patched, "id")))) {
            throw ScimFault.badRequest("mutability", "'id' is assigned by the server and cannot be changed");
        }
        if (!java.util.Objects.equals(ScimJson.field(resource, "meta"), ScimJson.field(patched, "meta"))) {
            throw ScimFault.badRequest("mutability", "'meta' is maintained by the server and cannot be changed");
        }
        return patched;
    }

}
