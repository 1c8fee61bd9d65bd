package dev.muster.ldap;

import dev.muster.onboarding.OnboardingCommand.DeletePerson;
import dev.muster.onboarding.OnboardingCommand.SetGroupMembers;
import dev.muster.onboarding.OnboardingCommand.UpsertGroup;
import dev.muster.onboarding.OnboardingCommand.UpsertPerson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryPlannerTests {
    private final DirectoryPlanner planner = new DirectoryPlanner();

    @Test
    void upsertsGroupsThenPeopleThenSetsMembers() {
        var plan = planner.plan(full(List.of(person("p1", "a@x.example", true), person("p2", "b@x.example", true)),
                List.of(group("g1", "p1", "p2"))), Set.of(), Set.of());

        assertThat(plan.commands()).hasSize(4);
        assertThat(plan.commands().get(0)).isEqualTo(new UpsertGroup("g1", "G g1", "g1"));
        assertThat(plan.commands().get(1)).isInstanceOfSatisfying(UpsertPerson.class, p -> {
            assertThat(p.sourceId()).isEqualTo("p1");
            assertThat(p.groups()).as("memberships come from SetGroupMembers").isNull();
            assertThat(p.key()).isEqualTo("uid=p1,dc=x");
        });
        assertThat(plan.commands().get(3)).isEqualTo(new SetGroupMembers("g1", Set.of("p1", "p2")));
        assertThat(plan.revocationCandidates()).isEmpty();
    }

    @Test
    void holdsBackEveryEntrySharingAnEmailAndNamesThemAll() {
        var plan = planner.plan(full(List.of(person("p1", "same@x.example", true),
                person("p2", "SAME@x.example", true), person("p3", "c@x.example", true)), List.of()), Set.of(),
                Set.of());

        assertThat(upserted(plan)).containsExactly("p3");
        assertThat(plan.notes()).filteredOn(n -> n.code().equals("duplicate-email")).hasSize(2)
                .anySatisfy(n -> {
                    assertThat(n.key()).isEqualTo("uid=p1,dc=x");
                    assertThat(n.reason()).contains("uid=p2,dc=x");
                })
                .anySatisfy(n -> {
                    assertThat(n.key()).isEqualTo("uid=p2,dc=x");
                    assertThat(n.reason()).contains("uid=p1,dc=x");
                });
    }

    @Test
    void deletesKnownPeopleMissingFromAFullReadButNotThoseHeldBack() {
        var plan = planner.plan(full(List.of(person("p1", "a@x.example", true), person("p2", null, true)),
                List.of()), Set.of("p1", "p2", "gone"), Set.of());

        assertThat(plan.commands()).contains(new DeletePerson("gone")).doesNotContain(new DeletePerson("p2"));
        assertThat(plan.revocationCandidates()).containsExactly("gone");
        assertThat(plan.notes()).extracting(DirectoryPlan.Note::code).contains("no-email");
    }

    @Test
    void neverDeletesOnAnEmptyRead() {
        var plan = planner.plan(full(List.of(), List.of()), Set.of("p1", "p2"), Set.of("g1"));

        assertThat(plan.commands()).isEmpty();
        assertThat(plan.revocationCandidates()).isEmpty();
        assertThat(plan.notes()).extracting(DirectoryPlan.Note::code).containsExactly("empty-read", "empty-read");
    }

    @Test
    void revokesKnownDisabledPeopleAndDoesNotProvisionUnknownOnes() {
        var plan = planner.plan(full(List.of(person("p1", "a@x.example", false), person("p2", "b@x.example", false)),
                List.of(group("g1", "p1", "p2"))), Set.of("p1"), Set.of());

        assertThat(upserted(plan)).containsExactly("p1");
        assertThat(plan.commands()).filteredOn(UpsertPerson.class::isInstance)
                .allSatisfy(c -> assertThat(((UpsertPerson) c).active()).isFalse());
        assertThat(plan.revocationCandidates()).containsExactly("p1");
        assertThat(plan.notes()).extracting(DirectoryPlan.Note::code).containsExactly("disabled-not-member");
        assertThat(plan.commands()).contains(new SetGroupMembers("g1", Set.of("p1")));
    }

    @Test
    void retractsDirectoryMembershipsOfGroupsMissingFromAFullRead() {
        var plan = planner.plan(full(List.of(person("p1", "a@x.example", true)), List.of(group("g1", "p1"))),
                Set.of("p1"), Set.of("g1", "g-gone"));

        assertThat(plan.commands()).contains(new SetGroupMembers("g-gone", Set.of()));
    }

    @Test
    void anIncrementalReadOnlyUpsertsWhatChanged() {
        var read = new DirectorySnapshot(List.of(person("p1", "a@x.example", true)), List.of(), List.of(),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.now(), null);

        var plan = planner.plan(read, Set.of("p1", "p2"), Set.of("g1"));

        assertThat(plan.commands()).hasSize(1).allMatch(UpsertPerson.class::isInstance);
        assertThat(plan.full()).isFalse();
    }

    private static List<String> upserted(DirectoryPlan plan) {
        return plan.commands().stream().filter(UpsertPerson.class::isInstance)
                .map(c -> ((UpsertPerson) c).sourceId()).toList();
    }

    private static DirectorySnapshot full(List<DirectoryPerson> people, List<DirectoryGroup> groups) {
        return new DirectorySnapshot(people, groups, List.of(), null, Instant.now(), null);
    }

    private static DirectoryPerson person(String id, String email, boolean enabled) {
        return new DirectoryPerson(id, "uid=" + id + ",dc=x", email, "Person " + id, Map.of(), enabled, id);
    }

    private static DirectoryGroup group(String id, String... members) {
        return new DirectoryGroup(id, "cn=" + id + ",dc=x", "G " + id, Set.of(members));
    }

}
