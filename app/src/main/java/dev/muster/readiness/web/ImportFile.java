package dev.muster.readiness.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.organization.AccessLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an import file of collections and groups, collecting every error with its position (a JSON pointer,
 * or line and column for a syntax error):
 *
 * <pre>{@code
 * {"collections": [{"name": "Finance", "externalId": "fin"}],
 *  "groups": [{"name": "Accounting", "externalId": "acc",
 *              "collections": [{"collection": "Finance", "access": "CAN_EDIT"}]}]}
 * }</pre>
 *
 * A group's {@code collection} names a collection of the file or one the organization already has.
 */
final class ImportFile {
    record CollectionEntry(String position, String name, String externalId) {
    }

    record AccessEntry(String position, String collection, AccessLevel level) {
    }

    record GroupEntry(String position, String name, String externalId, List<AccessEntry> access) {
    }

    record Error(String position, String message) {
    }

    record Parsed(List<CollectionEntry> collections, List<GroupEntry> groups, List<Error> errors) {
    }

    private final List<Error> errors = new ArrayList<>();

    private ImportFile() {
    }

    /** @param existingCollections names (lower case) of the organization's collections */
    static Parsed parse(ObjectMapper json, String text, Set<String> existingCollections) {
        var file = new ImportFile();
        JsonNode root;
        try {
            root = json.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return new Parsed(List.of(), List.of(), List.of(new Error(at == null ? "/" : "line " + at.getLineNr()
                    + ", column " + at.getColumnNr(), "not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            return new Parsed(List.of(), List.of(), List.of(new Error("/", "the file must be a JSON object with "
                    + "'collections' and 'groups'")));
        }
        List<CollectionEntry> collections = file.collections(root.path("collections"));
        var known = new java.util.HashSet<>(existingCollections);
        collections.forEach(c -> known.add(c.name().toLowerCase(Locale.ROOT)));
        List<GroupEntry> groups = file.groups(root.path("groups"), known);
        root.fieldNames().forEachRemaining(f -> {
            if (!f.equals("collections") && !f.equals("groups")) {
                file.error("/" + f, "unknown field '" + f + "' (expected 'collections' and 'groups')");
            }
        });
        return new Parsed(collections, groups, List.copyOf(file.errors));
    }

    private List<CollectionEntry> collections(JsonNode node) {
        var entries = new ArrayList<CollectionEntry>();
        var names = new HashMap<String, String>();
        var externalIds = new HashMap<String, String>();
        for (int i = 0; i < array(node, "/collections").size(); i++) {
            String at = "/collections/" + i;
            JsonNode c = node.get(i);
            String name = text(c, at, "name", 200, true);
            String externalId = text(c, at, "externalId", 300, false);
            if (name != null && unique(names, name, at + "/name", "collection name")
                    && (externalId == null || unique(externalIds, externalId, at + "/externalId", "externalId"))) {
                entries.add(new CollectionEntry(at, name, externalId));
            }
        }
        return entries;
    }

    private List<GroupEntry> groups(JsonNode node, Set<String> knownCollections) {
        var entries = new ArrayList<GroupEntry>();
        var names = new HashMap<String, String>();
        var externalIds = new HashMap<String, String>();
        for (int i = 0; i < array(node, "/groups").size(); i++) {
            String at = "/groups/" + i;
            JsonNode g = node.get(i);
            String name = text(g, at, "name", 100, true);
            String externalId = text(g, at, "externalId", 300, false);
            List<AccessEntry> access = access(g.path("collections"), at + "/collections", knownCollections);
            if (name != null && unique(names, name, at + "/name", "group name")
                    && (externalId == null || unique(externalIds, externalId, at + "/externalId", "externalId"))) {
                entries.add(new GroupEntry(at, name, externalId, access));
            }
        }
        return entries;
    }

    private List<AccessEntry> access(JsonNode node, String at, Set<String> knownCollections) {
        var entries = new ArrayList<AccessEntry>();
        for (int i = 0; i < array(node, at).size(); i++) {
            String position = at + "/" + i;
            JsonNode a = node.get(i);
            String collection = text(a, position, "collection", 200, true);
            String level = text(a, position, "access", 32, true);
            AccessLevel parsed = null;
            if (level != null) {
                try {
                    parsed = AccessLevel.valueOf(level.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    error(position + "/access", "unknown access '" + level + "' (one of "
                            + java.util.Arrays.toString(AccessLevel.values()) + ")");
                }
            }
            if (collection != null && !knownCollections.contains(collection.toLowerCase(Locale.ROOT))) {
                error(position + "/collection", "no collection named '" + collection
                        + "' in the file or the organization");
                collection = null;
            }
            if (collection != null && parsed != null) {
                entries.add(new AccessEntry(position, collection, parsed));
            }
        }
        return entries;
    }

    private JsonNode array(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            error(at, "must be an array");
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return node;
    }

    private String text(JsonNode node, String at, String field, int max, boolean required) {
        if (!node.isObject()) {
            error(at, "must be an object");
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                error(at + "/" + field, "'" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            error(at + "/" + field, "'" + field + "' must be text");
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > max) {
            error(at + "/" + field, "'" + field + "' must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    private boolean unique(Map<String, String> seen, String value, String at, String what) {
        String previous = seen.putIfAbsent(value.toLowerCase(Locale.ROOT), at);
        if (previous != null) {
            error(at, "duplicate " + what + " '" + value + "' (first at " + previous + ")");
            return false;
        }
        return true;
    }

    private void error(String position, String message) {
        errors.add(new Error(position, message));
    }
}
