package dev.muster.roles;

import java.util.Objects;

/**
 * One named rule of a rule set: when the person matches, what they get.
 *
 * <pre>{@code
 * new Rule("IT admins", new Matcher.GroupNamed("IT"),
 *         new Then(Role.ADMIN, false, Set.of(), List.of("IT"),
 *                 List.of(new Then.Grant("Infrastructure", AccessLevel.CAN_MANAGE))));
 * }</pre>
 */
public record Rule(String name, Matcher when, Then then) {
    public Rule {
        Objects.requireNonNull(name, "name");
        when = when == null ? Matcher.always() : when;
        Objects.requireNonNull(then, "then");
    }
}
