package dev.muster.roles;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Permission;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.roles.Matcher.All;
import dev.muster.roles.Matcher.Any;
import dev.muster.roles.Matcher.AttributeEquals;
import dev.muster.roles.Matcher.AttributeExists;
import dev.muster.roles.Matcher.AttributeIn;
import dev.muster.roles.Matcher.AttributeMatches;
import dev.muster.roles.Matcher.GroupNamed;
import dev.muster.roles.Matcher.GroupWithExternalId;
import dev.muster.roles.Matcher.Not;
import dev.muster.roles.Matcher.SourceIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTests {
    private static final OrganizationId ORG = OrganizationId.random();

    static PersonFacts person(Source source, String email, Set<String> groups, Map<String, String> attributes) {
        return new PersonFacts(ORG, source, email, groups, Set.of(), attributes);
    }

    static PersonFacts finance() {
        return person(Source.SCIM, "fin@acme.test", Set.of("Finance"), Map.of("department", "Finance",
                "title", "Controller"));
    }

    static Rule rule(String name, Matcher when, Role role, String... groups) {
        return new Rule(name, when, new Then(role, role == Role.OWNER, Set.of(), List.of(groups), List.of()));
    }

    static Rule grants(String name, Matcher when, String collection, AccessLevel level) {
        return new Rule(name, when, new Then(null, false, Set.of(), List.of(),
                List.of(new Then.Grant(collection, level))));
    }

    static Stream<Arguments> roles() {
        var inFinance = new GroupNamed("Finance");
        return Stream.of(
                Arguments.of("no rules make everyone USER", List.of(), Role.USER),
                Arguments.of("the first matching rule that sets a role wins",
                        List.of(rule("a", inFinance, Role.ADMIN), rule("b", inFinance, Role.CUSTOM)), Role.ADMIN),
                Arguments.of("a rule that does not match is passed over",
                        List.of(rule("a", new GroupNamed("IT"), Role.ADMIN), rule("b", inFinance, Role.CUSTOM)),
                        Role.CUSTOM),
                Arguments.of("a matching rule without a role does not stop the search",
                        List.of(grants("g", inFinance, "Finance", AccessLevel.READ_ONLY),
                                rule("b", inFinance, Role.ADMIN)), Role.ADMIN),
                Arguments.of("nothing sets a role: USER",
                        List.of(grants("g", inFinance, "Finance", AccessLevel.READ_ONLY)), Role.USER),
                Arguments.of("group names ignore case",
                        List.of(rule("a", new GroupNamed("finance"), Role.ADMIN)), Role.ADMIN),
                Arguments.of("attribute equals ignores case of name and value",
                        List.of(rule("a", new AttributeEquals("Department", "FINANCE"), Role.ADMIN)), Role.ADMIN),
                Arguments.of("attribute in a list",
                        List.of(rule("a", new AttributeIn("title", List.of("CFO", "controller")), Role.ADMIN)),
                        Role.ADMIN),
                Arguments.of("a regular expression matches the whole value",
                        List.of(rule("a", new AttributeMatches("title", SafePattern.of("Control")), Role.ADMIN),
                                rule("b", new AttributeMatches("title", SafePattern.of("Control.*")), Role.CUSTOM)),
                        Role.CUSTOM),
                Arguments.of("the e-mail domain is an attribute",
                        List.of(rule("a", new AttributeEquals("emailDomain", "acme.test"), Role.ADMIN)), Role.ADMIN),
                Arguments.of("exists needs a value",
                        List.of(rule("a", new AttributeExists("employeeType"), Role.ADMIN),
                                rule("b", new AttributeExists("title"), Role.CUSTOM)), Role.CUSTOM),
                Arguments.of("source in a list",
                        List.of(rule("a", new SourceIn(Set.of(Source.CSV)), Role.ADMIN),
                                rule("b", new SourceIn(Set.of(Source.SCIM, Source.DIRECTORY)), Role.CUSTOM)),
                        Role.CUSTOM),
                Arguments.of("all needs every matcher",
                        List.of(rule("a", new All(List.of(inFinance, new AttributeEquals("title", "CFO"))),
                                Role.ADMIN)), Role.USER),
                Arguments.of("any needs one matcher",
                        List.of(rule("a", new Any(List.of(new GroupNamed("IT"), inFinance)), Role.ADMIN)),
                        Role.ADMIN),
                Arguments.of("not inverts",
                        List.of(rule("a", new Not(inFinance), Role.ADMIN)), Role.USER),
                Arguments.of("external id of a group",
                        List.of(rule("a", new GroupWithExternalId("CN=Finance,OU=Groups"), Role.ADMIN)), Role.USER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void decidesTheRole(String why, List<Rule> rules, Role expected) {
        assertThat(new RuleSet(rules).decide(finance()).role()).isEqualTo(expected);
    }

    @Test
    void matchesGroupsByExternalId() {
        var person = new PersonFacts(ORG, Source.DIRECTORY, "a@acme.test", Set.of("Finance"),
                Set.of("cn=finance,ou=groups,dc=acme"), Map.of());
        var rules = new RuleSet(List.of(rule("a", new GroupWithExternalId("CN=Finance,OU=Groups,DC=acme"),
                Role.ADMIN)));
        assertThat(rules.decide(person).role()).isEqualTo(Role.ADMIN);
    }

    static Stream<Arguments> accumulation() {
        var always = Matcher.always();
        var never = new GroupNamed("Nobody");
        return Stream.of(
                Arguments.of("grants of every matching rule accumulate",
                        List.of(grants("a", always, "Finance", AccessLevel.READ_ONLY),
                                grants("b", always, "Reports", AccessLevel.CAN_EDIT)),
                        Map.of("Finance", AccessLevel.READ_ONLY, "Reports", AccessLevel.CAN_EDIT)),
                Arguments.of("the most privileged access wins per collection, whatever the order",
                        List.of(grants("a", always, "Finance", AccessLevel.CAN_EDIT),
                                grants("b", always, "finance", AccessLevel.READ_ONLY),
                                grants("c", always, "Finance", AccessLevel.HIDE_PASSWORDS)),
                        Map.of("Finance", AccessLevel.CAN_EDIT)),
                Arguments.of("manage beats edit",
                        List.of(grants("a", always, "Finance", AccessLevel.CAN_EDIT),
                                grants("b", always, "Finance", AccessLevel.CAN_MANAGE)),
                        Map.of("Finance", AccessLevel.CAN_MANAGE)),
                Arguments.of("rules that do not match give nothing",
                        List.of(grants("a", never, "Finance", AccessLevel.CAN_MANAGE),
                                grants("b", always, "Finance", AccessLevel.READ_ONLY)),
                        Map.of("Finance", AccessLevel.READ_ONLY)),
                Arguments.of("rules after the one that set the role still give access",
                        List.of(rule("a", always, Role.ADMIN),
                                grants("b", always, "Finance", AccessLevel.READ_ONLY)),
                        Map.of("Finance", AccessLevel.READ_ONLY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accumulation")
    void accumulatesAccess(String why, List<Rule> rules, Map<String, AccessLevel> expected) {
        assertThat(new RuleSet(rules).decide(finance()).grants()).isEqualTo(expected);
    }

    @Test
    void accumulatesGroupsOfEveryMatchingRule() {
        var rules = new RuleSet(List.of(rule("a", new GroupNamed("Finance"), Role.ADMIN, "Finance Team"),
                rule("b", Matcher.always(), Role.USER, "Everyone"),
                rule("c", new GroupNamed("IT"), null, "IT Team")));
        assertThat(rules.decide(finance()).groups()).containsExactlyInAnyOrder("Finance Team", "Everyone");
    }

    @Test
    void givesPermissionsOnlyWithTheCustomRoleThatWon() {
        var custom = new Rule("finance", new GroupNamed("Finance"), new Then(Role.CUSTOM, false,
                Set.of(Permission.ACCESS_REPORTS, Permission.ACCESS_EVENT_LOGS), List.of(), List.of()));
        var later = new Rule("later", Matcher.always(), new Then(Role.CUSTOM, false,
                Set.of(Permission.MANAGE_USERS), List.of(), List.of()));
        RoleDecision decision = new RuleSet(List.of(custom, later)).decide(finance());
        assertThat(decision.role()).isEqualTo(Role.CUSTOM);
        assertThat(decision.permissions()).containsExactlyInAnyOrder(Permission.ACCESS_REPORTS,
                Permission.ACCESS_EVENT_LOGS);
    }

    @Test
    void carriesAllowOwnerOnlyFromTheRuleThatSetTheRole() {
        var owner = new Rule("owners", new GroupNamed("Finance"), new Then(Role.OWNER, true, Set.of(), List.of(),
                List.of()));
        assertThat(new RuleSet(List.of(owner)).decide(finance()).allowOwner()).isTrue();
        var admin = rule("admins", new GroupNamed("Finance"), Role.ADMIN);
        assertThat(new RuleSet(List.of(admin, owner)).decide(finance()).allowOwner()).isFalse();
    }

    @Test
    void explainsWhichRulesMatchedAndWhatEachGave() {
        var rules = new RuleSet(List.of(
                rule("IT admins", new GroupNamed("IT"), Role.ADMIN),
                rule("Finance", new GroupNamed("Finance"), Role.CUSTOM, "Finance Team"),
                grants("Reports", new AttributeEquals("title", "Controller"), "Reports", AccessLevel.READ_ONLY),
                rule("Everyone", Matcher.always(), Role.USER)));

        assertThat(rules.decide(finance()).explanation()).containsExactly(
                "rule 2 \"Finance\" matched (member of group \"Finance\"): role CUSTOM; groups Finance Team",
                "rule 3 \"Reports\" matched (title = \"Controller\"): access Reports READ_ONLY",
                "rule 4 \"Everyone\" matched (always): role USER not used (rule 2 \"Finance\" set the role first)");
    }

    @Test
    void explainsThatNoRuleSetARole() {
        assertThat(RuleSet.empty().decide(finance()).explanation())
                .containsExactly("no matching rule sets a role: USER");
    }

    @Test
    void treatsARegularExpressionThatGivesUpAsNoMatchAndSaysSo() {
        // adjacent stars backtrack polynomially (n^6 here) on a value without the final b; no static check sees it
        var slow = rule("slow", new AttributeMatches("title", SafePattern.of("a*a*a*a*a*a*b")), Role.ADMIN);
        var person = person(Source.CSV, "a@acme.test", Set.of(), Map.of("title", "a".repeat(60)));

        RoleDecision decision = new RuleSet(List.of(slow)).decide(person);

        assertThat(decision.role()).isEqualTo(Role.USER);
        assertThat(decision.explanation().get(0)).startsWith("rule 1 \"slow\" did not match: pattern /a*a*a*a*a*a*b/ "
                + "gave up");
    }

    @Test
    void matchesSourcesAmongAllThePersonIsKnownTo() {
        var person = new PersonFacts(ORG, Source.DIRECTORY, "a@acme.test", Set.of(), Set.of(), Map.of(),
                Set.of(Source.DIRECTORY, Source.CSV));
        var rules = new RuleSet(List.of(rule("csv", new SourceIn(Set.of(Source.CSV)), Role.ADMIN)));
        assertThat(rules.decide(person).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void readsGroupsOnlyWhenSomeConditionLooksAtThem() {
        var byAttributes = new RuleSet(List.of(rule("engineers", new AttributeEquals("department", "Engineering"),
                Role.ADMIN), rule("everyone", null, Role.USER)));
        var byNestedGroup = new RuleSet(List.of(rule("not finance", new All(List.of(new SourceIn(Set.of(Source.SCIM)),
                new Not(new Any(List.of(new AttributeExists("title"), new GroupNamed("Finance")))))), Role.ADMIN)));
        var byGroupExternalId = new RuleSet(List.of(rule("it", new GroupWithExternalId("it-guid"), Role.ADMIN)));

        assertThat(byAttributes.readsGroups()).isFalse();
        assertThat(RuleSet.empty().readsGroups()).isFalse();
        assertThat(byNestedGroup.readsGroups()).isTrue();
        assertThat(byGroupExternalId.readsGroups()).isTrue();
    }

    @Test
    void aRuleSetsIdentityIsItsContent() {
        var one = new RuleSet(List.of(rule("it", new GroupNamed("IT"), Role.ADMIN, "Admins")));
        var same = new RuleSet(List.of(rule("it", new GroupNamed("IT"), Role.ADMIN, "Admins")));
        var other = new RuleSet(List.of(rule("it", new GroupNamed("IT"), Role.USER, "Admins")));

        assertThat(one.identity()).isEqualTo(same.identity()).isNotEqualTo(other.identity());
    }
}
