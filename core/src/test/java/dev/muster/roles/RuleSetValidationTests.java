package dev.muster.roles;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.roles.Matcher.All;
import dev.muster.roles.Matcher.Any;
import dev.muster.roles.Matcher.AttributeEquals;
import dev.muster.roles.Matcher.AttributeIn;
import dev.muster.roles.Matcher.AttributeMatches;
import dev.muster.roles.Matcher.GroupNamed;
import dev.muster.roles.Matcher.Not;
import dev.muster.roles.Matcher.SourceIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetValidationTests {
    private final RuleSetValidation validation = new RuleSetValidation(Set.of("IT", "Finance"),
            Set.of("Infrastructure", "Finance"));

    private static Then role(Role role) {
        return new Then(role, false, Set.of(), List.of(), List.of());
    }

    private static final Rule IT = new Rule("IT admins", new GroupNamed("IT"), role(Role.ADMIN));

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("blank name", new Rule(" ", new GroupNamed("Finance"), role(Role.ADMIN)), "name"),
                Arguments.of("duplicate name", new Rule("it ADMINS", new GroupNamed("Finance"), role(Role.USER)),
                        "name"),
                Arguments.of("bad regex", new Rule("r", new AttributeMatches("title", SafePattern.of("(a+)+")),
                        role(Role.USER)), "when.matches"),
                Arguments.of("nested bad regex", new Rule("r", new Any(List.of(new GroupNamed("IT"),
                        new Not(new AttributeMatches("title", SafePattern.of("[a-"))))), role(Role.USER)),
                        "when.any[1].not.matches"),
                Arguments.of("empty any", new Rule("r", new Any(List.of()), role(Role.USER)), "when.any"),
                Arguments.of("empty source list", new Rule("r", new SourceIn(Set.of()), role(Role.USER)),
                        "when.source"),
                Arguments.of("empty in list", new Rule("r", new AttributeIn("title", List.of()), role(Role.USER)),
                        "when.in"),
                Arguments.of("condition that can never match", new Rule("r", new Not(Matcher.always()),
                        role(Role.USER)), "when"),
                Arguments.of("owner without allowOwner", new Rule("r", new GroupNamed("Finance"), role(Role.OWNER)),
                        "then.role"),
                Arguments.of("allowOwner without owner", new Rule("r", new GroupNamed("Finance"),
                        new Then(Role.ADMIN, true, Set.of(), List.of(), List.of())), "then.allowOwner"),
                Arguments.of("permissions without custom", new Rule("r", new GroupNamed("Finance"),
                        new Then(Role.ADMIN, false, Set.of(Permission.ACCESS_REPORTS), List.of(), List.of())),
                        "then.permissions"),
                Arguments.of("unknown group to join", new Rule("r", new GroupNamed("IT"),
                        new Then(null, false, Set.of(), List.of("IT", "Payroll"), List.of())), "then.groups[1]"),
                Arguments.of("unknown collection", new Rule("r", new GroupNamed("IT"),
                        new Then(null, false, Set.of(), List.of(), List.of(new Then.Grant("Payroll",
                                AccessLevel.READ_ONLY)))), "then.grants[0].collection"),
                Arguments.of("gives nothing", new Rule("r", new GroupNamed("IT"),
                        new Then(null, false, Set.of(), List.of(), List.of())), "then"),
                Arguments.of("same condition as an earlier rule that sets a role",
                        new Rule("r", new GroupNamed("IT"), role(Role.USER)), "then.role"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void namesTheRuleAndFieldOfEachError(String why, Rule bad, String field) {
        List<RuleProblem> problems = validation.validate(new RuleSet(List.of(IT, bad)));

        assertThat(problems).filteredOn(RuleProblem::isError).singleElement().satisfies(p -> {
            assertThat(p.ruleIndex()).isEqualTo(1);
            assertThat(p.rule()).isEqualTo(bad.name());
            assertThat(p.field()).isEqualTo(field);
        });
    }

    @Test
    void acceptsAValidRuleSet() {
        var finance = new Rule("Finance", new All(List.of(new GroupNamed("finance"),
                new AttributeEquals("title", "Controller"))), new Then(Role.CUSTOM, false,
                EnumSet.of(Permission.ACCESS_REPORTS), List.of("Finance"),
                List.of(new Then.Grant("Finance", AccessLevel.CAN_EDIT))));
        var owners = new Rule("Owners", new AttributeEquals("title", "CEO"), new Then(Role.OWNER, true, Set.of(),
                List.of(), List.of()));
        assertThat(validation.validate(new RuleSet(List.of(IT, finance, owners)))).isEmpty();
    }

    @Test
    void refusesARoleAfterACatchAllThatSetsARoleButKeepsItsGrants() {
        var everyone = new Rule("Everyone", new SourceIn(EnumSet.allOf(Source.class)), role(Role.USER));
        var later = new Rule("Later", new GroupNamed("Finance"), new Then(Role.ADMIN, false, Set.of(), List.of(),
                List.of(new Then.Grant("Finance", AccessLevel.READ_ONLY))));

        List<RuleProblem> problems = validation.validate(new RuleSet(List.of(everyone, later)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("rules[1] \"Later\" then.role");
            assertThat(p.message()).contains("rule 1 \"Everyone\" matches everyone")
                    .contains("only its groups and grants apply");
        });
    }

    @Test
    void allowsRulesWithoutARoleAfterACatchAll() {
        var everyone = new Rule("Everyone", Matcher.always(), role(Role.USER));
        var access = new Rule("Finance access", new GroupNamed("Finance"), new Then(null, false, Set.of(),
                List.of(), List.of(new Then.Grant("Finance", AccessLevel.READ_ONLY))));
        assertThat(validation.validate(new RuleSet(List.of(everyone, access)))).isEmpty();
    }

    @Test
    void allowsACatchAllAfterNarrowerRules() {
        var everyone = new Rule("Everyone", Matcher.always(), role(Role.USER));
        assertThat(validation.validate(new RuleSet(List.of(IT, everyone)))).isEmpty();
    }

    @Test
    void warnsAboutAConditionOnAGroupThatDoesNotExistYet() {
        var rule = new Rule("Payroll", new GroupNamed("Payroll"), role(Role.ADMIN));
        assertThat(validation.validate(new RuleSet(List.of(rule)))).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(RuleProblem.Severity.WARNING);
            assertThat(p.field()).isEqualTo("when.group");
        });
    }
}
