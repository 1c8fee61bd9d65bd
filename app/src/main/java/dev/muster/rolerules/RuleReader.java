package dev.muster.rolerules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.roles.Matcher;
import dev.muster.roles.Rule;
import dev.muster.roles.RuleProblem;
import dev.muster.roles.SafePattern;
import dev.muster.roles.Then;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads one rule of a document, reporting each problem with the rule and the path of the field. */
final class RuleReader {
    private static final List<String> MATCHER_KEYS = List.of("all", "any", "not", "source", "group",
            "groupExternalId", "attribute");
    private static final List<String> OPERATORS = List.of("equals", "in", "matches", "exists");

    private final List<RuleProblem> problems;
    private final int index;
    private final JsonNode node;

    RuleReader(List<RuleProblem> problems, int index, JsonNode node) {
        this.problems = problems;
        this.index = index;
        this.node = node;
    }

    /** Problems of one rule, with the rule's name once it is known. */
    record Field(List<RuleProblem> problems, int index, String rule, String prefix) {
        void error(String field, String message) {
            problems.add(RuleProblem.error(index, rule, prefix + field, message));
        }

        /** Reports fields of {@code object} (at {@code path}) that are not {@code allowed}. */
        void onlyKeys(String path, JsonNode object, List<String> allowed) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    error(path.isEmpty() ? name : path + "." + name, "unknown field; expected one of " + allowed);
                }
            }
        }
    }

    Optional<Rule> read() {
        if (node == null || !node.isObject()) {
            new Field(problems, index, null, "").error("", "a rule must be an object with name, when and then");
            return Optional.empty();
        }
        JsonNode nameNode = node.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : null;
        var at = new Field(problems, index, name, "");
        int before = problems.size();
        at.onlyKeys("", node, List.of("name", "description", "when", "then"));
        if (name == null) {
            at.error("name", "every rule needs a name (text)");
        }
        JsonNode when = node.get("when");
        Matcher matcher = when == null || when.isNull() ? Matcher.always() : matcher(at, "when", when);
        JsonNode thenNode = node.get("then");
        Then then = null;
        if (thenNode == null || !thenNode.isObject()) {
            at.error("then", "every rule needs a then (an object with role, permissions, groups or grants)");
        } else {
            then = then(at, thenNode);
        }
        if (problems.size() > before || matcher == null || then == null) {
            return Optional.empty();
        }
        return Optional.of(new Rule(name, matcher, then));
    }

    private Matcher matcher(Field at, String path, JsonNode node) {
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
                Matcher inner = matcher(at, field, value);
                return inner == null ? null : new Matcher.Not(inner);
            case "source":
                Set<Source> sources = EnumSet.noneOf(Source.class);
                for (String s : texts(at, field, value)) {
                    enumValue(at, field, Source.class, s).ifPresent(sources::add);
                }
                return new Matcher.SourceIn(sources);
            case "group":
                return text(at, field, value).map(Matcher.GroupNamed::new).orElse(null);
            case "groupExternalId":
                return text(at, field, value).map(Matcher.GroupWithExternalId::new).orElse(null);
            default:
                return attribute(at, path, node);
        }
    }

    private Matcher combined(Field at, String field, JsonNode list, boolean all) {
        var matchers = new ArrayList<Matcher>();
        boolean broken = false;
        for (int i = 0; i < list.size(); i++) {
            Matcher m = matcher(at, field + "[" + i + "]", list.get(i));
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

    private Matcher attribute(Field at, String path, JsonNode node) {
        var allowed = new ArrayList<>(OPERATORS);
        allowed.add("attribute");
        at.onlyKeys(path, node, allowed);
        Optional<String> attribute = text(at, path + ".attribute", node.get("attribute"));
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
                return scalar(at, field, value).map(v -> (Matcher) new Matcher.AttributeEquals(name, v)).orElse(null);
            case "in":
                return new Matcher.AttributeIn(name, texts(at, field, value));
            case "matches":
                return text(at, field, value).map(r -> (Matcher) new Matcher.AttributeMatches(name,
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

    private Then then(Field at, JsonNode node) {
        at.onlyKeys("then", node, List.of("role", "allowOwner", "permissions", "groups", "grants"));
        Role role = null;
        if (node.hasNonNull("role")) {
            role = text(at, "then.role", node.get("role")).flatMap(r -> enumValue(at, "then.role", Role.class, r))
                    .orElse(null);
        }
        boolean allowOwner = false;
        if (node.has("allowOwner")) {
            if (node.get("allowOwner").isBoolean()) {
                allowOwner = node.get("allowOwner").asBoolean();
            } else {
                at.error("then.allowOwner", "must be true or false");
            }
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (node.has("permissions")) {
            for (String p : texts(at, "then.permissions", node.get("permissions"))) {
                enumValue(at, "then.permissions", Permission.class, p).ifPresent(permissions::add);
            }
        }
        List<String> groups = node.has("groups") ? texts(at, "then.groups", node.get("groups")) : List.of();
        var grants = new ArrayList<Then.Grant>();
        if (node.has("grants")) {
            JsonNode list = node.get("grants");
            if (!list.isArray()) {
                at.error("then.grants", "must be a list of {collection, access}");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    grant(at, "then.grants[" + i + "]", list.get(i)).ifPresent(grants::add);
                }
            }
        }
        return new Then(role, allowOwner, permissions, groups, grants);
    }

    private Optional<Then.Grant> grant(Field at, String path, JsonNode node) {
        if (!node.isObject()) {
            at.error(path, "a grant is {collection: <name>, access: READ_ONLY|HIDE_PASSWORDS|CAN_EDIT|CAN_MANAGE}");
            return Optional.empty();
        }
        at.onlyKeys(path, node, List.of("collection", "access"));
        Optional<String> collection = text(at, path + ".collection", node.get("collection"));
        Optional<AccessLevel> access = text(at, path + ".access", node.get("access"))
                .flatMap(a -> enumValue(at, path + ".access", AccessLevel.class, a));
        return collection.isPresent() && access.isPresent()
                ? Optional.of(new Then.Grant(collection.get(), access.get())) : Optional.empty();
    }

    private static Optional<String> text(Field at, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            at.error(field, "is required");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            at.error(field, "must be text");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** Text, numbers and booleans compare as their text. */
    private static Optional<String> scalar(Field at, String field, JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            at.error(field, "must be a single value");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** A list of values, or a single value standing for a list of one. */
    private static List<String> texts(Field at, String field, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            return List.of(value.asText());
        }
        if (value == null || !value.isArray()) {
            at.error(field, "must be a list");
            return List.of();
        }
        var texts = new ArrayList<String>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isValueNode() && !value.get(i).isNull()) {
                texts.add(value.get(i).asText());
            } else {
                at.error(field + "[" + i + "]", "must be a single value");
            }
        }
        return texts;
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Field at, String field, Class<E> type, String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(key)) {
                return Optional.of(constant);
            }
        }
        at.error(field, "\"" + text + "\" is not one of " + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }
}
