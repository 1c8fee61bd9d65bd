package dev.muster.roles;

import dev.muster.organization.Source;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The condition of a rule ({@code when}): facts about a person's source, groups and attributes, combined with
 * {@code all}, {@code any} and {@code not}. Plain data: nothing here runs code from a rule.
 */
public sealed interface Matcher {

    /** Whether the person satisfies the condition. */
    boolean test(PersonFacts person);

    /** The condition in words, for explanations. */
    String describe();

    /** Whether the condition looks at the person's groups (their names or external ids). */
    default boolean readsGroups() {
        return false;
    }

    /** A condition that holds for everyone (the rule has no {@code when}). */
    static Matcher always() {
        return new All(List.of());
    }

    /** Any of the person's sources is one of these. */
    record SourceIn(Set<Source> sources) implements Matcher {
        public SourceIn {
            sources = sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
        }

        public boolean test(PersonFacts person) {
            return person.sources().stream().anyMatch(sources::contains);
        }

        public String describe() {
            return "source in " + sources.stream().map(Enum::name).sorted().collect(Collectors.toList());
        }
    }

    /** The person is in a group of this name (ignoring case). */
    record GroupNamed(String name) implements Matcher {
        @Override
        public boolean readsGroups() {
            return true;
        }

        public GroupNamed {
            Objects.requireNonNull(name, "name");
        }

        public boolean test(PersonFacts person) {
            return person.inGroupNamed(name);
        }

        public String describe() {
            return "member of group \"" + name + "\"";
        }
    }

    /** The person is in a group with this external id (ignoring case). */
    record GroupWithExternalId(String externalId) implements Matcher {
        @Override
        public boolean readsGroups() {
            return true;
        }

        public GroupWithExternalId {
            Objects.requireNonNull(externalId, "externalId");
        }

        public boolean test(PersonFacts person) {
            return person.inGroupWithExternalId(externalId);
        }

        public String describe() {
            return "member of group with externalId \"" + externalId + "\"";
        }
    }

    /** The attribute equals the value, ignoring case. */
    record AttributeEquals(String attribute, String value) implements Matcher {
        public AttributeEquals {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
        }

        public boolean test(PersonFacts person) {
            return person.attribute(attribute).filter(v -> v.equalsIgnoreCase(value)).isPresent();
        }

        public String describe() {
            return attribute + " = \"" + value + "\"";
        }
    }

    /** The attribute equals one of the values, ignoring case. */
    record AttributeIn(String attribute, List<String> values) implements Matcher {
        public AttributeIn {
            Objects.requireNonNull(attribute, "attribute");
            values = List.copyOf(values);
        }

        public boolean test(PersonFacts person) {
            return person.attribute(attribute).filter(v -> values.stream().anyMatch(v::equalsIgnoreCase))
                    .isPresent();
        }

        public String describe() {
            return attribute + " in " + values;
        }
    }

    /**
     * The whole attribute value matches the pattern.
     *
     * @throws SafePattern.GaveUp from {@link #test} when matching exceeds its budget
     */
    record AttributeMatches(String attribute, SafePattern pattern) implements Matcher {
        public AttributeMatches {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(pattern, "pattern");
        }

        public boolean test(PersonFacts person) {
            return person.attribute(attribute).filter(pattern::matches).isPresent();
        }

        public String describe() {
            return attribute + " matches " + pattern;
        }
    }

    /** The attribute is present and not blank. */
    record AttributeExists(String attribute) implements Matcher {
        public AttributeExists {
            Objects.requireNonNull(attribute, "attribute");
        }

        public boolean test(PersonFacts person) {
            return person.attribute(attribute).isPresent();
        }

        public String describe() {
            return attribute + " exists";
        }
    }

    /** Every matcher holds; an empty list holds for everyone. */
    record All(List<Matcher> matchers) implements Matcher {
        @Override
        public boolean readsGroups() {
            return matchers.stream().anyMatch(Matcher::readsGroups);
        }

        public All {
            matchers = List.copyOf(matchers);
        }

        public boolean test(PersonFacts person) {
            return matchers.stream().allMatch(m -> m.test(person));
        }

        public String describe() {
            return matchers.isEmpty() ? "always" : matchers.size() == 1 ? matchers.get(0).describe()
                    : matchers.stream().map(Matcher::describe).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    /** At least one matcher holds; an empty list holds for nobody. */
    record Any(List<Matcher> matchers) implements Matcher {
        @Override
        public boolean readsGroups() {
            return matchers.stream().anyMatch(Matcher::readsGroups);
        }

        public Any {
            matchers = List.copyOf(matchers);
        }

        public boolean test(PersonFacts person) {
            return matchers.stream().anyMatch(m -> m.test(person));
        }

        public String describe() {
            return matchers.isEmpty() ? "never" : matchers.size() == 1 ? matchers.get(0).describe()
                    : matchers.stream().map(Matcher::describe).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    /** The matcher does not hold. */
    record Not(Matcher matcher) implements Matcher {
        @Override
        public boolean readsGroups() {
            return matcher.readsGroups();
        }

        public Not {
            Objects.requireNonNull(matcher, "matcher");
        }

        public boolean test(PersonFacts person) {
            return !matcher.test(person);
        }

        public String describe() {
            return "not " + matcher.describe();
        }
    }
}
