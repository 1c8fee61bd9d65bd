package dev.muster.roles;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An organization's ordered rules, evaluated for one person at a time.
 * <ul>
 *   <li>The role comes from the first matching rule that sets one; when none does, the person is {@code USER}.
 *   The {@code allowOwner} of that same rule travels with it (the onboarding service gives {@code OWNER} only
 *   then, and never takes it away).</li>
 *   <li>Groups and collection access accumulate over every matching rule; for the same collection (names
 *   compared ignoring case) the most privileged access wins.</li>
 *   <li>A rule whose regular expression gives up does not match, and the explanation says so.</li>
 * </ul>
 * Validate a rule set with {@link RuleSetValidation} before using it.
 */
public record RuleSet(List<Rule> rules) implements RoleRules {
    public RuleSet {
        rules = List.copyOf(rules);
    }

    @Override
    public boolean readsGroups() {
        return rules.stream().anyMatch(rule -> rule.when().readsGroups());
    }

    public static RuleSet empty() {
        return new RuleSet(List.of());
    }

    @Override
    public RoleDecision decide(PersonFacts person) {
        Role role = null;
        Set<Permission> permissions = Set.of();
        boolean allowOwner = false;
        String roleFrom = null;
        var groups = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        var grants = new TreeMap<String, AccessLevel>(String.CASE_INSENSITIVE_ORDER);
        var explanation = new ArrayList<String>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String label = label(i, rule);
            boolean matched;
            try {
                matched = rule.when().test(person);
            } catch (SafePattern.GaveUp e) {
                explanation.add(label + " did not match: " + e.getMessage());
                continue;
            }
            if (!matched) {
                continue;
            }
            Then then = rule.then();
            var gave = new ArrayList<String>();
            if (then.role() != null) {
                if (role == null) {
                    role = then.role();
                    permissions = then.role() == Role.CUSTOM ? then.permissions() : Set.of();
                    allowOwner = then.role() == Role.OWNER && then.allowOwner();
                    roleFrom = label;
                    gave.add("role " + role + (permissions.isEmpty() ? "" : " " + new TreeSet<>(permissions)));
                } else {
                    gave.add("role " + then.role() + " not used (" + roleFrom + " set the role first)");
                }
            }
            if (!then.groups().isEmpty()) {
                groups.addAll(then.groups());
                gave.add("groups " + String.join(", ", then.groups()));
            }
            if (!then.grants().isEmpty()) {
                then.grants().forEach(g -> grants.merge(g.collection(), g.access(), AccessLevel::max));
                gave.add("access " + then.grants().stream().map(Then.Grant::toString)
                        .collect(Collectors.joining(", ")));
            }
            explanation.add(label + " matched (" + rule.when().describe() + "): " + String.join("; ", gave));
        }
        if (role == null) {
            explanation.add("no matching rule sets a role: USER");
        }
        return new RoleDecision(role == null ? Role.USER : role, permissions, allowOwner, groups, grants,
                explanation);
    }

    static String label(int index, Rule rule) {
        return "rule " + (index + 1) + " \"" + rule.name() + "\"";
    }
}
