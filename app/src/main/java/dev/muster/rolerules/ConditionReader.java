package dev.muster.rolerules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muster.organization.Source;
import dev.muster.roles.Matcher;
import dev.muster.roles.SafePattern;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a condition ({@code when}) of a rule into the core's {@link Matcher}s, naming the path of each problem. */
final class ConditionReader {
    private static final List<String> MATCHER_KEYS = List.of("all", "any", "not", "source", "group",
            "groupExternalId", "attribute");
    private static final List<String> OPERATORS = List.of("equals", "in", "matches", "exists");

    private ConditionReader() {
    }

    /** The condition at {@code path}, or {@code null} after reporting why it cannot be read. */
    static Matcher read(RuleReader.Field at, String path, JsonNode node) {
        if (node.isArray()) {
            return combined(at, path, node, true);
        }
        if (!node.isObject()) {
            at.error(path, "a condition is an object such as {group: IT} or {attribute: title, equals: CFO}");
            return null;
        }
        List<String> kinds = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (MATCHER_KEYS.contains(k)) {
                kinds.add(k);
            }
        });
        if (kinds.size() != 1) {
            at.error(path, kinds.isEmpty() ? "a condition needs one of " + MATCHER_KEYS
                    : "a condition has exactly one of " + MATCHER_KEYS + ", found " + kinds);
            return null;
        }
        String kind = kinds.get(0);
        if (!kind.equals("attribute")) {
            at.onlyKeys(path, node, List.of(kind));
        }
        JsonNode value = node.get(kind);
        String field = path + "." + kind;
        switch (kind) {
            case "all":
            case "any":
                if (!value.isArray()) {
                    at.error(field, "must be a list of conditions");
                    return null;
                }
                return combined(at, field, value, kind.equals("all"));
            case "not":
                Matcher inner = read(at, field, value);
                return inner == null ? null : new Matcher.Not(inner);
            case "source":
                Set<Source> sources = EnumSet.noneOf(Source.class);
                for (String s : FieldValues.texts(at, field, value)) {
                    FieldValues.enumValue(at, field, Source.class, s).ifPresent(sources::add);
                }
                return new Matcher.SourceIn(sources);
            case "group":
                return FieldValues.text(at, field, value).map(Matcher.GroupNamed::new).orElse(null);
            case "groupExternalId":
                return FieldValues.text(at, field, value).map(Matcher.GroupWithExternalId::new).orElse(null);
            default:
                return attribute(at, path, node);
        }
    }

    private static Matcher combined(RuleReader.Field at, String field, JsonNode list, boolean all) {
        var matchers = new ArrayList<Matcher>();
        boolean broken = false;
        for (int i = 0; i < list.size(); i++) {
            Matcher m = read(at, field + "[" + i + "]", list.get(i));
            broken |= m == null;
            if (m != null) {
                matchers.add(m);
            }
        }
        if (broken) {
            return null;
        }
        return all ? new Matcher.All(matchers) : new Matcher.Any(matchers);
    }

    private static Matcher attribute(RuleReader.Field at, String path, JsonNode node) {
        var allowed = new ArrayList<>(OPERATORS);
        allowed.add("attribute");
        at.onlyKeys(path, node, allowed);
        Optional<String> attribute = FieldValues.text(at, path + ".attribute", node.get("attribute"));
        List<String> operators = OPERATORS.stream().filter(node::has).toList();
        if (operators.size() != 1) {
            at.error(path, "an attribute condition has exactly one of " + OPERATORS
                    + (operators.isEmpty() ? "" : ", found " + operators));
            return null;
        }
        if (attribute.isEmpty()) {
            return null;
        }
        String name = attribute.get();
        String operator = operators.get(0);
        JsonNode value = node.get(operator);
        String field = path + "." + operator;
        switch (operator) {
            case "equals":
                return FieldValues.scalar(at, field, value)
                        .map(v -> (Matcher) new Matcher.AttributeEquals(name, v)).orElse(null);
            case "in":
                return new Matcher.AttributeIn(name, FieldValues.texts(at, field, value));
            case "matches":
                return FieldValues.text(at, field, value).map(r -> (Matcher) new Matcher.AttributeMatches(name,
                        SafePattern.of(r))).orElse(null);
            default:
                if (!value.isBoolean()) {
                    at.error(field, "must be true or false");
                    return null;
                }
                Matcher exists = new Matcher.AttributeExists(name);
                return value.asBoolean() ? exists : new Matcher.Not(exists);
        }
    }
}
