package dev.muster.onboarding;

import dev.muster.onboarding.OnboardingCommand.UpsertGroup;
import dev.muster.onboarding.OnboardingCommand.UpsertPerson;
import dev.muster.organization.Member;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.roles.RoleDecision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.muster.onboarding.Fixtures.person;
import static dev.muster.onboarding.Fixtures.personInGroups;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync that brings the same people again leaves them alone without applying them; anything that could change
 * what applying does (the member, the rules, the groups, the command) makes it apply them in full again.
 */
class RepeatedCommandsTests {

    @Test
    void leavesPeopleAloneWhenTheSourceBringsTheSameCommandsAgain() {
        var f = Fixtures.organization();
        f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));
        int marks = f.memory.markWrites;
        int audit = f.memory.audit().size();

        BatchResult again = f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));

        assertThat(marks).isEqualTo(2);
        assertThat(again.items()).allSatisfy(i -> assertThat(i.outcome()).isInstanceOf(ItemOutcome.Unchanged.class));
        assertThat(again.outcome(0)).isEqualTo(new ItemOutcome.Unchanged(f.member("ada@acme.test").id().toString()));
        assertThat(f.memory.markWrites).as("skipped people are not applied, so nothing is written").isEqualTo(marks);
        assertThat(f.memory.audit()).hasSize(audit);
    }

    @Test
    void appliesTheCommandAgainWhenSomethingElseChangedTheMember() {
        var f = Fixtures.organization();
        f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));
        Member ada = f.member("ada@acme.test");
        f.memory.store.members().update(ada.withProfile(ada.email(), "Renamed by an admin", ada.attributes()));

        BatchResult again = f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));

        assertThat(again.outcome(0)).isInstanceOf(ItemOutcome.Applied.class);
        assertThat(again.outcome(1)).isInstanceOf(ItemOutcome.Unchanged.class);
        assertThat(f.member("ada@acme.test").name()).isEqualTo("Person u1");
    }

    @Test
    void appliesTheCommandAgainWhenTheSourceChangedIt() {
        var f = Fixtures.organization();
        f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));

        BatchResult again = f.apply(Source.DIRECTORY, UpsertPerson.of("u1", "ada@acme.test", "Person u1",
                Map.of("department", "Research"), null, true), person("u2", "bob@acme.test"));

        assertThat(again.outcome(0)).isInstanceOf(ItemOutcome.Applied.class);
        assertThat(f.member("ada@acme.test").attributes()).containsEntry("department", "Research");
    }

    @Test
    void appliesEveryoneAgainWhenTheRulesChanged() {
        var f = Fixtures.organization();
        f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));
        f.rules = person -> new RoleDecision(Role.ADMIN, Set.of(), false, Set.of(), Map.of(),
                List.of("rule everyone-admin: ADMIN"));

        BatchResult again = f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));

        assertThat(again.items()).allSatisfy(i -> assertThat(i.outcome()).isInstanceOf(ItemOutcome.Applied.class));
        assertThat(f.member("bob@acme.test").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void appliesPeopleAgainWhenAGroupOfTheRunWasRenamed() {
        var f = Fixtures.organization();
        f.rules = person -> person.groupNames().contains("Platform")
                ? new RoleDecision(Role.ADMIN, Set.of(), false, Set.of(), Map.of(), List.of("platform: ADMIN"))
                : RoleDecision.plainUser("no rule matched: USER");
        f.apply(Source.DIRECTORY, new UpsertGroup("g1", "Engineering", null), person("u0", "eve@acme.test"));
        f.apply(Source.DIRECTORY, personInGroups("u1", "ada@acme.test", "g1"), person("u2", "bob@acme.test"));
        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.USER);
        assertThat(f.memory.markWrites).as("eve, even after the group was created in her batch; ada; bob")
                .isEqualTo(3);

        BatchResult again = f.apply(Source.DIRECTORY, new UpsertGroup("g1", "Platform", null),
                personInGroups("u1", "ada@acme.test", "g1"), person("u2", "bob@acme.test"));

        assertThat(again.outcome(0)).isInstanceOf(ItemOutcome.Applied.class);
        assertThat(again.outcome(1)).as("ada is applied in full, not recognised")
                .isInstanceOf(ItemOutcome.Applied.class);
        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void recognisesNothingInABatchOfOneCommand() {
        var f = Fixtures.organization();
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));

        assertThat(f.memory.markWrites).isZero();
    }

    @Test
    void aDryRunRecognisesRepeatedPeopleButRecordsNothing() {
        var f = Fixtures.organization();
        f.plan(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));
        assertThat(f.memory.markWrites).isZero();
        f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));

        BatchResult planned = f.plan(Source.DIRECTORY, person("u1", "ada@acme.test"), person("u3", "cy@acme.test"));

        assertThat(planned.outcome(0)).isInstanceOf(ItemOutcome.Unchanged.class);
        assertThat(planned.outcome(1)).isInstanceOf(ItemOutcome.Applied.class);
        assertThat(f.memory.markWrites).isEqualTo(2);
    }
}
