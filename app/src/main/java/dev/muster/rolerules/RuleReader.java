package dev.muster.rolerules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;
import dev.muster.roles.Matcher;
import dev.muster.roles.Rule;
import dev.muster.roles.RuleProblem;
import dev.muster.roles.Then;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one rule of a document, reporting each problem with the rule and the path of the field. */
final class RuleReader {
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
        Matcher matcher = when == null || when.isNull() ? Matcher.always() : ConditionReader.read(at, "when", when);
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

    private Then then(Field at, JsonNode node) {
        at.onlyKeys("then", node, List.of("role", "allowOwner", "permissions", "groups", "grants"));
        Role role = null;
        if (node.hasNonNull("role")) {
            role = FieldValues.text(at, "then.role", node.get("role"))
                    .flatMap(r -> FieldValues.enumValue(at, "then.role", Role.class, r))
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
            for (String p : FieldValues.texts(at, "then.permissions", node.get("permissions"))) {
                FieldValues.enumValue(at, "then.permissions", Permission.class, p).ifPresent(permissions::add);
            }
        }
        List<String> groups = node.has("groups") ? FieldValues.texts(at, "then.groups", node.get("groups")) : List.of();
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
        Optional<String> collection = FieldValues.text(at, path + ".collection", node.get("collection"));
        Optional<AccessLevel> access = FieldValues.text(at, path + ".access", node.get("access"))
                .flatMap(a -> FieldValues.enumValue(at, path + ".access", AccessLevel.class, a));
        return collection.isPresent() && access.isPresent()
                ? Optional.of(new Then.Grant(collection.get(), access.get())) : Optional.empty();
    }
}
