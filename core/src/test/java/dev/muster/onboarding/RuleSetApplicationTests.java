package dev.muster.onboarding;

import dev.muster.onboarding.OnboardingCommand.ReevaluateMember;
import dev.muster.onboarding.OnboardingCommand.UpsertGroup;
import dev.muster.onboarding.OnboardingCommand.UpsertPerson;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Grantee;
import dev.muster.organization.Member;
import dev.muster.organization.Origin;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.roles.Matcher;
import dev.muster.roles.Rule;
import dev.muster.roles.RuleSet;
import dev.muster.roles.Then;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real rule set applied through the onboarding service: pinning, owner protection, origins. */
class RuleSetApplicationTests {

    private static RuleSet rules(Role role, boolean allowOwner) {
        return new RuleSet(List.of(new Rule("by title", new Matcher.AttributeEquals("title", "Boss"),
                new Then(role, allowOwner, Set.of(), List.of(), List.of()))));
    }

    static Stream<Arguments> protections() {
        return Stream.of(
                Arguments.of("rules set the role of an unpinned user", Role.USER, false, rules(Role.ADMIN, false),
                        Role.ADMIN),
                Arguments.of("a pinned role survives the rules", Role.USER, true, rules(Role.ADMIN, false),
                        Role.USER),
                Arguments.of("a pinned admin is not demoted", Role.ADMIN, true, RuleSet.empty(), Role.ADMIN),
                Arguments.of("an unpinned admin follows the rules", Role.ADMIN, false, RuleSet.empty(), Role.USER),
                Arguments.of("rules never demote an owner", Role.OWNER, false, rules(Role.USER, false), Role.OWNER),
                Arguments.of("rules never demote an owner, even with no rule", Role.OWNER, false, RuleSet.empty(),
                        Role.OWNER),
                Arguments.of("owner is given only with allowOwner", Role.USER, false, rules(Role.OWNER, true),
                        Role.OWNER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protections")
    void reevaluationRespectsPinningAndOwnerProtection(String why, Role before, boolean pinned, RuleSet rules,
                                                       Role expected) {
        var f = Fixtures.organization();
        f.apply(Source.SCIM, UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of("title", "Boss"), null, true));
        Member ada = f.member("ada@acme.test");
        f.memory.store.members().update(ada.withRole(before, Set.of(), pinned));
        f.rules = rules;

        f.apply(Source.MANUAL, new ReevaluateMember(ada.id().toString()));

        assertThat(f.member("ada@acme.test").role()).isEqualTo(expected);
    }

    @Test
    void retractsRuleGrantsButNeverManualOnes() {
        var f = Fixtures.organization();
        var finance = f.memory.store.collections().insert(new Collection(CollectionId.random(), f.organization.id(),
                "Finance", null, Fixtures.NOW));
        f.rules = new RuleSet(List.of(new Rule("finance", new Matcher.AttributeEquals("department", "Finance"),
                new Then(null, false, Set.of(), List.of(), List.of(new Then.Grant("Finance",
                        AccessLevel.CAN_EDIT))))));
        f.apply(Source.SCIM, UpsertPerson.of("u1", "fin@acme.test", "Fin", Map.of("department", "Finance"), null,
                true));
        Member fin = f.member("fin@acme.test");
        f.memory.store.collections().grant(f.organization.id(), new CollectionGrant(finance.id(),
                new Grantee.OfMember(fin.id()), AccessLevel.READ_ONLY, Origin.MANUAL));

        f.rules = RuleSet.empty();
        f.apply(Source.MANUAL, new ReevaluateMember(fin.id().toString()));

        assertThat(f.memory.grants()).singleElement().satisfies(g -> {
            assertThat(g.origin()).isEqualTo(Origin.MANUAL);
            assertThat(g.level()).isEqualTo(AccessLevel.READ_ONLY);
        });
    }

    @Test
    void reevaluationSeesTheSourcesThePersonCameFromNotTheManualRun() {
        var f = Fixtures.organization();
        f.rules = new RuleSet(List.of(new Rule("directory people", new Matcher.SourceIn(Set.of(Source.DIRECTORY)),
                new Then(Role.ADMIN, false, Set.of(), List.of(), List.of()))));
        f.apply(Source.DIRECTORY, Fixtures.person("u1", "ada@acme.test"));
        Member ada = f.member("ada@acme.test");
        assertThat(ada.role()).isEqualTo(Role.ADMIN);

        f.apply(Source.MANUAL, new ReevaluateMember(ada.id().toString()));

        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void explainsTheDecisionOnTheMember() {
        var f = Fixtures.organization();
        f.apply(Source.DIRECTORY, new UpsertGroup("g1", "IT", "cn=it"));
        f.rules = new RuleSet(List.of(new Rule("IT admins", new Matcher.GroupWithExternalId("CN=IT"),
                new Then(Role.ADMIN, false, Set.of(), List.of(), List.of()))));

        f.apply(Source.DIRECTORY, Fixtures.personInGroups("u1", "ada@acme.test", "g1"));

        assertThat(f.member("ada@acme.test").explanation()).containsExactly(
                "rule 1 \"IT admins\" matched (member of group with externalId \"CN=IT\"): role ADMIN");
        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.ADMIN);
    }
}
