package dev.muster.onboarding;

import dev.muster.onboarding.OnboardingCommand.DeactivatePerson;
import dev.muster.onboarding.OnboardingCommand.DeletePerson;
import dev.muster.onboarding.OnboardingCommand.ReactivatePerson;
import dev.muster.onboarding.OnboardingCommand.SetGroupMembers;
import dev.muster.onboarding.OnboardingCommand.UpsertGroup;
import dev.muster.onboarding.OnboardingCommand.UpsertPerson;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.Actor;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Group;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Origin;
import dev.muster.organization.Permission;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.roles.RoleDecision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.muster.onboarding.Fixtures.person;
import static dev.muster.onboarding.Fixtures.personInGroups;
import static org.assertj.core.api.Assertions.assertThat;

class OnboardingTests {

    @Test
    void invitesNewPersonAndSendsOneInvitation() {
        var f = Fixtures.organization();
        BatchResult result = f.apply(Source.SCIM, person("u1", "ada@acme.test"));

        assertThat(result.outcome(0)).isInstanceOf(ItemOutcome.Applied.class);
        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.INVITED);
        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.USER);
        assertThat(f.invitations.sent).extracting(m -> m.email()).containsExactly("ada@acme.test");
        assertThat(f.memory.audit()).extracting(e -> e.type()).contains(AuditEventType.MEMBER_INVITED);
    }

    @Test
    void stagesNewPersonWithoutEmailWhenOrganizationDoesNotInviteOnProvisioning() {
        var f = Fixtures.stagingOrganization();
        f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"));

        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.STAGED);
        assertThat(f.invitations.sent).isEmpty();
    }

    @Test
    void sameBatchTwiceChangesNothingTheSecondTime() {
        var f = Fixtures.organization();
        OnboardingCommand[] batch = {new UpsertGroup("g1", "Engineering", "eng"),
                personInGroups("u1", "ada@acme.test", "g1"), person("u2", "bob@acme.test"),
                new SetGroupMembers("g1", Set.of("u1", "u2"))};
        f.apply(Source.DIRECTORY, batch);
        int auditBefore = f.memory.audit().size();

        BatchResult second = f.apply(Source.DIRECTORY, batch);

        assertThat(second.items()).allSatisfy(i -> assertThat(i.outcome()).isInstanceOf(ItemOutcome.Unchanged.class));
        assertThat(f.invitations.sent).hasSize(2);
        assertThat(f.memory.audit()).hasSize(auditBefore);
    }

    @Test
    void dryRunPlansExactlyTheChangesApplyingMakesAndKeepsNothing() {
        var f = Fixtures.organization();
        OnboardingCommand[] batch = {new UpsertGroup("g1", "Engineering", null),
                personInGroups("u1", "ada@acme.test", "g1"), person("u2", "bob@acme.test")};

        BatchResult plan = f.plan(Source.DIRECTORY, batch);
        assertThat(f.exists("ada@acme.test")).isFalse();
        assertThat(f.memory.store.groups().list(f.organization.id())).isEmpty();
        assertThat(f.invitations.sent).hasSize(2); // the recording double is not transactional
        BatchResult applied = f.apply(Source.DIRECTORY, batch);

        assertThat(changesOf(plan)).isEqualTo(changesOf(applied));
        assertThat(f.memory.store.runs().find(f.organization.id(), plan.runId()).orElseThrow().state())
                .isEqualTo(RunState.PLANNED);
    }

    private static List<Object> changesOf(BatchResult result) {
        return result.items().stream().map(i -> i.outcome() instanceof ItemOutcome.Applied a
                ? (Object) a.changes() : i.outcome().label()).toList();
    }

    @Test
    void linksExistingMemberByEmailOnFirstSightFromAnotherSource() {
        var f = Fixtures.organization();
        f.apply(Source.CSV, person("ada@acme.test", "ada@acme.test"));
        BatchResult result = f.apply(Source.SCIM, person("scim-1", "ADA@acme.test"));

        assertThat(((ItemOutcome.Applied) result.outcome(0)).changes()).extracting(Change::kind)
                .contains(Change.Kind.IDENTITY_LINKED).doesNotContain(Change.Kind.CREATED);
        assertThat(f.member("ada@acme.test").identities()).hasSize(2);
        assertThat(f.invitations.sent).hasSize(1);
    }

    @Test
    void appliesEmailAndNameChangesWithoutReinviting() {
        var f = Fixtures.organization();
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));
        BatchResult result = f.apply(Source.SCIM, UpsertPerson.of("u1", "ada.lovelace@acme.test", "Ada Lovelace",
                Map.of(), null, true));

        assertThat(((ItemOutcome.Applied) result.outcome(0)).changes()).extracting(Change::kind)
                .containsExactly(Change.Kind.EMAIL_CHANGED, Change.Kind.NAME_CHANGED);
        assertThat(f.exists("ada@acme.test")).isFalse();
        assertThat(f.member("ada.lovelace@acme.test").status()).isEqualTo(MemberStatus.INVITED);
        assertThat(f.invitations.sent).hasSize(1);
    }

    @Test
    void skipsSecondEntryOfSameSourceWithDuplicateEmail() {
        var f = Fixtures.organization();
        BatchResult result = f.apply(Source.DIRECTORY, person("guid-1", "ada@acme.test"),
                person("guid-2", "ada@acme.test"));

        assertThat(result.outcome(1)).isInstanceOfSatisfying(ItemOutcome.Skipped.class, s -> {
            assertThat(s.code()).isEqualTo("duplicate-email");
            assertThat(s.reason()).contains("guid-1").contains("guid-2");
        });
    }

    @Test
    void stagesAndSaysSoWhenSeatsRunOut() {
        var f = Fixtures.organizationWithSeats(1, null);
        BatchResult result = f.apply(Source.SCIM, person("u1", "ada@acme.test"), person("u2", "bob@acme.test"));

        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.INVITED);
        assertThat(f.member("bob@acme.test").status()).isEqualTo(MemberStatus.STAGED);
        assertThat(((ItemOutcome.Applied) result.outcome(1)).changes()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.INVITATION_HELD);
            assertThat(c.to()).contains("seat limit reached");
        });
    }

    @Test
    void growsSeatsUpToTheSeatLimit() {
        var f = Fixtures.organizationWithSeats(1, 2);
        f.apply(Source.SCIM, person("u1", "a@acme.test"), person("u2", "b@acme.test"), person("u3", "c@acme.test"));

        assertThat(f.memory.store.organizations().find(f.organization.id()).orElseThrow().seats()).isEqualTo(2);
        assertThat(f.member("b@acme.test").status()).isEqualTo(MemberStatus.INVITED);
        assertThat(f.member("c@acme.test").status()).isEqualTo(MemberStatus.STAGED);
    }

    @Test
    void revokesWhenSourceDeactivatesAndRestoresToThePreviousStatus() {
        var f = Fixtures.organization();
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));
        f.administration.accept(f.organization.id(), f.member("ada@acme.test").id());

        f.apply(Source.SCIM, new DeactivatePerson("u1"));
        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.REVOKED);
        assertThat(f.member("ada@acme.test").revocationReason()).isEqualTo(RevocationReason.SOURCE_DEACTIVATED);

        f.apply(Source.SCIM, new ReactivatePerson("u1"));
        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.ACCEPTED);
    }

    @Test
    void upsertWithActiveFalseRevokesAndActiveTrueRestores() {
        var f = Fixtures.organization();
        f.apply(Source.DIRECTORY, person("u1", "ada@acme.test"));
        f.apply(Source.DIRECTORY, UpsertPerson.of("u1", "ada@acme.test", null, Map.of(), null, false));
        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.REVOKED);

        f.apply(Source.DIRECTORY, UpsertPerson.of("u1", "ada@acme.test", null, Map.of(), null, true));
        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.INVITED);
    }

    @Test
    void sourceDoesNotRestoreAMemberRevokedByHand() {
        var f = Fixtures.organization();
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));
        f.administration.revoke(f.organization.id(), Actor.admin(), f.member("ada@acme.test").id(),
                RevocationReason.MANUAL);

        BatchResult result = f.apply(Source.SCIM, new ReactivatePerson("u1"));

        assertThat(result.outcome(0)).isInstanceOf(ItemOutcome.Skipped.class);
        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.REVOKED);
    }

    @Test
    void deleteRevokesNowAndRemovesAfterTheGracePeriod() {
        var f = Fixtures.organizationWithGrace(Duration.ofDays(3));
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));
        f.apply(Source.SCIM, new DeletePerson("u1"));
        assertThat(f.member("ada@acme.test").status()).isEqualTo(MemberStatus.REVOKED);

        assertThat(f.onboarding.removeDue()).isZero();
        f.clock.now = Fixtures.NOW.plus(Duration.ofDays(3));
        assertThat(f.onboarding.removeDue()).isEqualTo(1);
        assertThat(f.exists("ada@acme.test")).isFalse();
    }

    @Test
    void deleteWithZeroGraceRemovesAtOnce() {
        var f = Fixtures.organizationWithGrace(Duration.ZERO);
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));
        f.apply(Source.SCIM, new DeletePerson("u1"));
        assertThat(f.exists("ada@acme.test")).isFalse();
    }

    @Test
    void neverDeactivatesAnOwnerAutomatically() {
        var f = Fixtures.organization();
        f.apply(Source.SCIM, person("u1", "owner@acme.test"));
        var id = f.member("owner@acme.test").id();
        f.administration.changeRole(f.organization.id(), Actor.admin(), id, Role.OWNER, Set.of());

        BatchResult result = f.apply(Source.SCIM, new DeactivatePerson("u1"));

        assertThat(result.outcome(0)).isInstanceOfSatisfying(ItemOutcome.Skipped.class,
                s -> assertThat(s.code()).isEqualTo("protected-owner"));
        assertThat(f.member("owner@acme.test").status()).isEqualTo(MemberStatus.INVITED);
    }

    @Test
    void oneBadItemDoesNotRollBackTheOthers() {
        var f = Fixtures.organization();
        BatchResult result = f.apply(Source.CSV, person("a", "a@acme.test"),
                person("b", "not-an-email"), person("c", "c@acme.test"));

        assertThat(result.items()).extracting(i -> i.outcome().label())
                .containsExactly("applied", "rejected", "applied");
        assertThat(f.exists("a@acme.test")).isTrue();
        assertThat(f.exists("c@acme.test")).isTrue();
        assertThat(f.memory.store.runs().find(f.organization.id(), result.runId()).orElseThrow().state())
                .isEqualTo(RunState.COMPLETED_WITH_ERRORS);
    }

    @Test
    void unknownGroupNameRejectsTheRowWithoutCreatingTheMember() {
        var f = Fixtures.organization();
        var row = new UpsertPerson("a@acme.test", "a@acme.test", "A", Map.of(), Set.of(), Set.of("Nope"), List.of(),
                null, Set.of(), true, "line 2");
        BatchResult result = f.apply(Source.CSV, row);

        assertThat(result.outcome(0)).isInstanceOfSatisfying(ItemOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("unknown-group"));
        assertThat(f.exists("a@acme.test")).isFalse();
    }

    @Test
    void sourceRetractsOnlyTheMembershipsItGrantedAndManualOnesSurvive() {
        var f = Fixtures.organization();
        f.apply(Source.DIRECTORY, new UpsertGroup("g1", "Engineering", null),
                personInGroups("u1", "ada@acme.test", "g1"));
        Group group = f.memory.store.groups().findByName(f.organization.id(), "Engineering").orElseThrow();
        var member = f.member("ada@acme.test");
        f.memory.store.groups().addMembership(f.organization.id(),
                new GroupMembership(group.id(), member.id(), Origin.MANUAL));

        f.apply(Source.DIRECTORY, personInGroups("u1", "ada@acme.test"));

        assertThat(f.memory.memberships()).extracting(GroupMembership::origin).containsExactly(Origin.MANUAL);
    }

    @Test
    void rulesDecideRoleGroupsAndGrantsForEveryPersonAndExplainThem() {
        var f = Fixtures.organization();
        f.memory.store.collections().insert(new Collection(CollectionId.random(), f.organization.id(), "Finance",
                null, Fixtures.NOW));
        f.apply(Source.MANUAL, new UpsertGroup("admins", "Admins", null));
        f.rules = person -> "Finance".equals(person.attributes().get("department"))
                ? new RoleDecision(Role.CUSTOM, Set.of(Permission.ACCESS_REPORTS), false, Set.of("Admins"),
                Map.of("Finance", AccessLevel.CAN_EDIT), List.of("rule \"finance\" matched"))
                : RoleDecision.plainUser("no rule set a role: USER");

        f.apply(Source.SCIM, UpsertPerson.of("u1", "fin@acme.test", "Fin", Map.of("department", "Finance"), null,
                true));

        var member = f.member("fin@acme.test");
        assertThat(member.role()).isEqualTo(Role.CUSTOM);
        assertThat(member.permissions()).containsExactly(Permission.ACCESS_REPORTS);
        assertThat(member.explanation()).containsExactly("rule \"finance\" matched");
        assertThat(f.memory.memberships()).extracting(GroupMembership::origin).containsExactly(Origin.RULES);
        assertThat(f.memory.grants()).singleElement().satisfies(g -> {
            assertThat(g.level()).isEqualTo(AccessLevel.CAN_EDIT);
            assertThat(g.origin()).isEqualTo(Origin.RULES);
        });
    }

    @Test
    void pinnedRoleSurvivesTheRules() {
        var f = Fixtures.organization();
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));
        f.administration.changeRole(f.organization.id(), Actor.admin(), f.member("ada@acme.test").id(), Role.ADMIN,
                Set.of());

        f.apply(Source.SCIM, UpsertPerson.of("u1", "ada@acme.test", "Ada", Map.of("title", "x"), null, true));

        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.ADMIN);
        assertThat(f.member("ada@acme.test").explanation()).anyMatch(line -> line.contains("pinned"));
    }

    @Test
    void rulesGiveOwnerOnlyWhenExplicitlyAllowed() {
        var f = Fixtures.organization();
        f.rules = person -> new RoleDecision(Role.OWNER, Set.of(), false, Set.of(), Map.of(), List.of("r"));
        f.apply(Source.SCIM, person("u1", "ada@acme.test"));
        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.USER);

        f.rules = person -> new RoleDecision(Role.OWNER, Set.of(), true, Set.of(), Map.of(), List.of("r"));
        f.apply(Source.SCIM, person("u2", "bob@acme.test"));
        assertThat(f.member("bob@acme.test").role()).isEqualTo(Role.OWNER);
    }

    @Test
    void groupMembershipChangeReRunsTheRulesOfTheMembersItTouches() {
        var f = Fixtures.organization();
        f.rules = person -> person.groupNames().contains("IT Admins")
                ? new RoleDecision(Role.ADMIN, Set.of(), false, Set.of(), Map.of(), List.of("it"))
                : RoleDecision.plainUser("none");
        f.apply(Source.DIRECTORY, new UpsertGroup("g1", "IT Admins", null), person("u1", "ada@acme.test"));
        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.USER);

        f.apply(Source.DIRECTORY, new SetGroupMembers("g1", Set.of("u1")));

        assertThat(f.member("ada@acme.test").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void recordsEveryBatchAsARunWithItemsAndCounts() {
        var f = Fixtures.organization();
        BatchResult result = f.apply(Source.CSV, person("a", "a@acme.test"), person("b", "bad"));

        Run run = f.memory.store.runs().find(f.organization.id(), result.runId()).orElseThrow();
        assertThat(run.counts()).containsEntry("applied", 1).containsEntry("rejected", 1).containsEntry("invited", 1);
        assertThat(f.memory.store.runs().items(f.organization.id(), result.runId(), 0, 10).items()).hasSize(2);
    }

    @Test
    void namesTheFirstHundredMembersAGroupGainsAndCountsTheRest() {
        var f = Fixtures.organization();
        var people = new java.util.ArrayList<OnboardingCommand>();
        people.add(new UpsertGroup("g1", "Everyone", null));
        var ids = new java.util.TreeSet<String>();
        for (int i = 0; i < 130; i++) {
            people.add(person("u" + i, "person" + i + "@acme.test"));
            ids.add("u" + i);
        }
        people.add(new SetGroupMembers("g1", ids));

        BatchResult result = f.apply(Source.DIRECTORY, people.toArray(OnboardingCommand[]::new));

        var changes = ((ItemOutcome.Applied) result.outcome(131)).changes();
        assertThat(changes).hasSize(GroupSteps.LISTED + 1).allMatch(c -> c.kind() == Change.Kind.GROUP_JOINED);
        assertThat(changes.get(0).to()).matches("person\\d+@acme\\.test -> Everyone");
        assertThat(changes.get(GroupSteps.LISTED).to()).isEqualTo("30 more members -> Everyone");
        assertThat(f.memory.memberships()).hasSize(130);
    }
}
