package dev.muster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters (RFC 7644 section 3.9): which attributes a
 * response returns. {@code id} and {@code schemas} are always returned.
 */
final class Projection {
    private static final List<String> CORE_PREFIXES = List.of(ScimJson.USER_SCHEMA + ":", ScimJson.GROUP_SCHEMA + ":");

    private final List<String[]> included;
    private final List<String[]> excluded;

    private Projection(List<String[]> included, List<String[]> excluded) {
        this.included = included;
        this.excluded = excluded;
    }

    static Projection of(String attributes, String excludedAttributes) {
        return new Projection(parse(attributes), parse(excludedAttributes));
    }

    boolean excludes(String attribute) {
        return excluded.stream().anyMatch(p -> p.length == 1 && p[0].equalsIgnoreCase(attribute))
                || (!included.isEmpty() && included.stream().noneMatch(p -> p[0].equalsIgnoreCase(attribute)));
    }

    ObjectNode apply(ObjectNode resource) {
        if (included.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        ObjectNode result = ScimJson.newObject();
        for (var it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.equalsIgnoreCase("id") || name.equalsIgnoreCase("schemas")) {
                result.set(name, field.getValue());
                continue;
            }
            JsonNode value = field.getValue();
            if (!included.isEmpty()) {
                List<String> subs = subs(included, name);
                if (subs == null) {
                    continue;
                }
                value = subs.isEmpty() ? value : keep(value, subs, true);
            }
            List<String> dropped = subs(excluded, name);
            if (dropped != null && dropped.isEmpty()) {
                continue;
            }
            if (dropped != null) {
                value = keep(value, dropped, false);
            }
            result.set(name, value);
        }
        return result;
    }

    /** The sub-attributes named for a top-level attribute: {@code null} not named, empty named whole. */
    private static List<String> subs(List<String[]> paths, String name) {
        List<String> subs = null;
        for (String[] path : paths) {
            if (path[0].equalsIgnoreCase(name)) {
                if (path.length == 1) {
                    return List.of();
                }
                subs = subs == null ? new ArrayList<>() : subs;
                subs.add(path[1]);
            }
        }
        return subs;
    }

    private static JsonNode keep(JsonNode value, List<String> subs, boolean keepNamed) {
        if (value.isArray()) {
            ArrayNode array = ScimJson.newArray();
            value.forEach(element -> array.add(keep(element, subs, keepNamed)));
            return array;
        }
        if (!value.isObject()) {
            return value;
        }
        ObjectNode object = ScimJson.newObject();
        value.fields().forEachRemaining(f -> {
            boolean named = subs.stream().anyMatch(s -> s.equalsIgnoreCase(f.getKey()));
            if (named == keepNamed) {
                object.set(f.getKey(), f.getValue());
            }
        });
        return object;
    }

    private static List<String[]> parse(String list) {
        var paths = new ArrayList<String[]>();
        if (list == null || list.isBlank()) {
            return paths;
        }
        for (String raw : list.split(",")) {
            String attribute = raw.strip();
            if (attribute.isEmpty()) {
                continue;
            }
            for (String prefix : CORE_PREFIXES) {
                if (attribute.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    attribute = attribute.substring(prefix.length());
                }
            }
            String extension = ScimJson.ENTERPRISE_SCHEMA;
            if (attribute.regionMatches(true, 0, extension, 0, extension.length())) {
                String rest = attribute.substring(extension.length());
                paths.add(rest.startsWith(":") ? new String[] {extension, rest.substring(1)} : new String[] {extension});
                continue;
            }
            int dot = attribute.indexOf('.');
            paths.add(dot < 0 ? new String[] {attribute}
                    : new String[] {attribute.substring(0, dot), attribute.substring(dot + 1)});
        }
        return paths;
    }
}
