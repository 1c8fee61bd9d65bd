package dev.muster.roles;

import dev.muster.organization.Role;
import dev.muster.organization.Source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a rule set against the organization it is for, before it is saved. Errors (which prevent saving):
 * a blank, overlong or duplicate name; a condition that can never match; an empty {@code source}, {@code in}
 * or {@code any} list; a regular expression that does not compile or could run away; {@code OWNER} without
 * {@code allowOwner}, {@code allowOwner} without {@code OWNER}; permissions without {@code CUSTOM}; a rule that
 * gives nothing; a group or collection in {@code then} that does not exist; and a role that can never take
 * effect because an earlier rule that sets a role matches everyone, or matches on exactly the same condition.
 * Warnings: a group in {@code when} that does not exist (yet: a sync may create it).
 */
public final class RuleSetValidation {
    public static final int MAX_RULES = 500;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DEPTH = 10;

    private final Set<String> groupNames;
    private final Set<String> collectionNames;

    /** @param groupNames the organization's groups; @param collectionNames its collections */
    public RuleSetValidation(Set<String> groupNames, Set<String> collectionNames) {
        this.groupNames = lowerCased(groupNames);
        this.collectionNames = lowerCased(collectionNames);
    }

    /** Whether a condition holds for everyone, for nobody, or depends on the person. */
    enum Certainty { ALWAYS, NEVER, DEPENDS }

    public List<RuleProblem> validate(RuleSet ruleSet) {
        var problems = new ArrayList<RuleProblem>();
        List<Rule> rules = ruleSet.rules();
        if (rules.size() > MAX_RULES) {
            problems.add(RuleProblem.error(-1, null, "rules", "at most " + MAX_RULES + " rules are allowed, found "
                    + rules.size()));
        }
        var names = new HashMap<String, Integer>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            var at = new At(problems, i, rule.name());
            name(at, rule, names);
            int before = problems.size();
            Certainty certainty = condition(at, "when", rule.when(), 0);
            boolean alreadyReported = problems.subList(before, problems.size()).stream()
                    .anyMatch(RuleProblem::isError);
            if (certainty == Certainty.NEVER && !alreadyReported) {
                at.error("when", "the condition can never match (" + rule.when().describe() + ")");
            }
            then(at, rule.then());
            shadowed(at, rules, i);
        }
        return List.copyOf(problems);
    }

    /** Collects problems for one rule. */
    private record At(List<RuleProblem> problems, int index, String rule) {
        void error(String field, String message) {
            problems.add(RuleProblem.error(index, rule, field, message));
        }

        void warning(String field, String message) {
            problems.add(RuleProblem.warning(index, rule, field, message));
        }
    }

    private static void name(At at, Rule rule, Map<String, Integer> seen) {
        if (rule.name().isBlank()) {
            at.error("name", "every rule needs a name");
        } else if (rule.name().length() > MAX_NAME_LENGTH) {
            at.error("name", "a name has at most " + MAX_NAME_LENGTH + " characters");
        } else {
            Integer earlier = seen.putIfAbsent(rule.name().toLowerCase(Locale.ROOT), at.index());
            if (earlier != null) {
                at.error("name", "the name is already used by rules[" + earlier + "]");
            }
        }
    }

    private Certainty condition(At at, String field, Matcher matcher, int depth) {
        if (depth > MAX_DEPTH) {
            at.error(field, "conditions nest at most " + MAX_DEPTH + " levels deep");
            return Certainty.DEPENDS;
        }
        if (matcher instanceof Matcher.All all) {
            return combine(at, field + ".all", all.matchers(), depth, true);
        } else if (matcher instanceof Matcher.Any any) {
            if (any.matchers().isEmpty()) {
                at.error(field + ".any", "an empty any matches nobody; list at least one condition");
            }
            return combine(at, field + ".any", any.matchers(), depth, false);
        } else if (matcher instanceof Matcher.Not not) {
            Certainty inner = condition(at, field + ".not", not.matcher(), depth + 1);
            return inner == Certainty.ALWAYS ? Certainty.NEVER
                    : inner == Certainty.NEVER ? Certainty.ALWAYS : Certainty.DEPENDS;
        } else if (matcher instanceof Matcher.SourceIn source) {
            if (source.sources().isEmpty()) {
                at.error(field + ".source", "lists no source; use any of " + List.of(Source.values()));
                return Certainty.NEVER;
            }
            return source.sources().containsAll(List.of(Source.values())) ? Certainty.ALWAYS : Certainty.DEPENDS;
        } else if (matcher instanceof Matcher.GroupNamed group) {
            if (group.name().isBlank()) {
                at.error(field + ".group", "names no group");
            } else if (!groupNames.contains(group.name().toLowerCase(Locale.ROOT))) {
                at.warning(field + ".group", "no group \"" + group.name() + "\" exists yet; the condition "
                        + "matches once a source creates it");
            }
            return Certainty.DEPENDS;
        } else if (matcher instanceof Matcher.GroupWithExternalId group) {
            if (group.externalId().isBlank()) {
                at.error(field + ".groupExternalId", "names no external id");
            }
            return Certainty.DEPENDS;
        }
        return attribute(at, field, matcher);
    }

    private Certainty combine(At at, String field, List<Matcher> matchers, int depth, boolean all) {
        boolean anyAlways = false;
        boolean anyNever = false;
        boolean allAlways = true;
        boolean allNever = true;
        for (int i = 0; i < matchers.size(); i++) {
            Certainty c = condition(at, field + "[" + i + "]", matchers.get(i), depth + 1);
            anyAlways |= c == Certainty.ALWAYS;
            anyNever |= c == Certainty.NEVER;
            allAlways &= c == Certainty.ALWAYS;
            allNever &= c == Certainty.NEVER;
        }
        if (all) {
            return anyNever ? Certainty.NEVER : allAlways ? Certainty.ALWAYS : Certainty.DEPENDS;
        }
        return anyAlways ? Certainty.ALWAYS : allNever ? Certainty.NEVER : Certainty.DEPENDS;
    }

    private static Certainty attribute(At at, String field, Matcher matcher) {
        String attribute;
        if (matcher instanceof Matcher.AttributeEquals m) {
            attribute = m.attribute();
        } else if (matcher instanceof Matcher.AttributeIn m) {
            attribute = m.attribute();
            if (m.values().isEmpty()) {
                at.error(field + ".in", "lists no value");
            }
        } else if (matcher instanceof Matcher.AttributeMatches m) {
            attribute = m.attribute();
            m.pattern().rejection().ifPresent(why -> at.error(field + ".matches", "the regular expression "
                    + m.pattern() + " is refused: " + why));
        } else {
            attribute = ((Matcher.AttributeExists) matcher).attribute();
        }
        if (attribute.isBlank()) {
            at.error(field + ".attribute", "names no attribute");
        } else if (attribute.length() > 100) {
            at.error(field + ".attribute", "an attribute name has at most 100 characters");
        }
        return Certainty.DEPENDS;
    }

    private void then(At at, Then then) {
        if (then.givesNothing()) {
            at.error("then", "the rule gives nothing: set a role, groups or grants");
        }
        if (then.role() == Role.OWNER && !then.allowOwner()) {
            at.error("then.role", "OWNER is only given by a rule that also says allowOwner: true");
        }
        if (then.allowOwner() && then.role() != Role.OWNER) {
            at.error("then.allowOwner", "allowOwner only goes with role OWNER");
        }
        if (!then.permissions().isEmpty() && then.role() != Role.CUSTOM) {
            at.error("then.permissions", "permissions are only given with role CUSTOM (the role is "
                    + (then.role() == null ? "not set" : then.role()) + ")");
        }
        for (int g = 0; g < then.groups().size(); g++) {
            String group = then.groups().get(g);
            if (!groupNames.contains(group.toLowerCase(Locale.ROOT))) {
                at.error("then.groups[" + g + "]", "no group \"" + group + "\" exists in the organization");
            }
        }
        for (int g = 0; g < then.grants().size(); g++) {
            String collection = then.grants().get(g).collection();
            if (!collectionNames.contains(collection.toLowerCase(Locale.ROOT))) {
                at.error("then.grants[" + g + "].collection", "no collection \"" + collection
                        + "\" exists in the organization");
            }
        }
    }

    /** A role that an earlier rule always takes first can never take effect. */
    private static void shadowed(At at, List<Rule> rules, int index) {
        Rule rule = rules.get(index);
        if (rule.then().role() == null) {
            return;
        }
        for (int k = 0; k < index; k++) {
            Rule earlier = rules.get(k);
            if (earlier.then().role() == null) {
                continue;
            }
            boolean catchAll = certainty(earlier.when()) == Certainty.ALWAYS;
            if (catchAll || earlier.when().equals(rule.when())) {
                at.error("then.role", "the role can never take effect: " + RuleSet.label(k, earlier)
                        + (catchAll ? " matches everyone" : " has the same condition") + " and sets the role "
                        + "first" + (rule.then().groups().isEmpty() && rule.then().grants().isEmpty()
                        ? "; this rule never changes anything" : "; only its groups and grants apply"));
                return;
            }
        }
    }

    /** The certainty of a condition, without reporting. */
    static Certainty certainty(Matcher matcher) {
        var silent = new RuleSetValidation(Set.of(), Set.of());
        return silent.condition(new At(new ArrayList<>(), 0, ""), "when", matcher, 0);
    }

    private static Set<String> lowerCased(Set<String> names) {
        var lower = new TreeSet<String>();
        names.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        return lower;
    }
}
