package dev.muster.storage;

import dev.muster.onboarding.Change;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Runs;
import dev.muster.onboarding.Transactions;
import dev.muster.organization.AccessLevel;
import dev.muster.organization.AppliedMark;
import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Collection;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.CollectionId;
import dev.muster.organization.Collections;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Grantee;
import dev.muster.organization.Group;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.MemberId;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.MemberStatus;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Origin;
import dev.muster.organization.Permission;
import dev.muster.organization.Plan;
import dev.muster.organization.Policies;
import dev.muster.organization.Policy;
import dev.muster.organization.PolicyType;
import dev.muster.organization.RevocationReason;
import dev.muster.organization.Role;
import dev.muster.organization.Source;
import dev.muster.organization.StaleVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage contract, run against each database the application supports. Tests commit for real (no test
 * transaction) and each works in an organization of its own.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = StorageConfiguration.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class StorageIntegrationTests {
    static final Instant NOW = Instant.parse("2025-03-01T09:30:00.123456Z");

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    Groups groups;
    @Autowired
    Collections collections;
    @Autowired
    Policies policies;
    @Autowired
    AuditLog auditLog;
    @Autowired
    Runs runs;
    @Autowired
    Transactions transactions;

    @Test
    void findsOrganizationAsInserted() {
        var organization = new Organization(OrganizationId.random(), "Acme", Plan.TRIAL, 10, 25,
                new OrganizationSettings(false, Duration.ofHours(36), true), NOW, 0);
        organizations.insert(organization);

        assertThat(organizations.find(organization.id())).contains(organization);
        assertThat(organizations.list()).contains(organization);
    }

    @Test
    void rejectsStaleOrganizationUpdate() {
        var organization = organization();
        var updated = organizations.update(organization.withPlan(Plan.PRODUCTION).withSeats(40));

        assertThat(updated.version()).isEqualTo(1);
        assertThatThrownBy(() -> organizations.update(organization.withSeats(50))).isInstanceOf(StaleVersion.class);
        assertThat(organizations.find(organization.id())).contains(updated);
    }

    @Test
    void findsMemberByIdEmailIgnoringCaseAndIdentity() {
        var org = organization().id();
        var member = Member.newMember(org, "Ada.Lovelace@Example.com", "Ada", Map.of("department", "R&D"),
                        new ExternalIdentity(Source.DIRECTORY, "guid-ada"), NOW)
                .withIdentity(new ExternalIdentity(Source.SCIM, "scim-ada"))
                .withRole(Role.CUSTOM, Set.of(Permission.MANAGE_USERS, Permission.ACCESS_REPORTS), true)
                .withExplanation(List.of("rule engineers: role CUSTOM"));
        members.insert(member);

        assertThat(members.find(org, member.id())).contains(member);
        assertThat(members.findByEmail(org, "ada.lovelace@EXAMPLE.com")).contains(member);
        assertThat(members.findByIdentity(org, new ExternalIdentity(Source.SCIM, "scim-ada"))).contains(member);
        assertThat(members.findByIdentity(org, new ExternalIdentity(Source.CSV, "scim-ada"))).isEmpty();
        assertThat(members.findByEmail(organization().id(), "ada.lovelace@example.com")).isEmpty();
    }

    @Test
    void keepsRevocationStateOfMember() {
        var org = organization().id();
        var member = members.insert(member(org, "grace@example.com", "g-1").invite()
                .revoke(RevocationReason.SOURCE_DEACTIVATED).scheduleRemoval(NOW.plusSeconds(60)));

        var found = members.find(org, member.id()).orElseThrow();

        assertThat(found).isEqualTo(member);
        assertThat(found.restore().status()).isEqualTo(MemberStatus.INVITED);
    }

    @Test
    void rejectsSecondMemberWithSameEmailIgnoringCase() {
        var org = organization().id();
        members.insert(member(org, "linus@example.com", "l-1"));

        assertThatThrownBy(() -> members.insert(member(org, "LINUS@example.com", "l-2")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(members.findByIdentity(org, new ExternalIdentity(Source.DIRECTORY, "l-2"))).isEmpty();
    }

    @Test
    void rejectsSecondMemberWithSameIdentity() {
        var org = organization().id();
        members.insert(member(org, "one@example.com", "same-guid"));

        assertThatThrownBy(() -> members.insert(member(org, "two@example.com", "same-guid")))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(members.findByEmail(org, "two@example.com")).isEmpty();
    }

    @Test
    void rejectsStaleMemberUpdate() {
        var org = organization().id();
        var member = members.insert(member(org, "alan@example.com", "a-1"));
        var first = members.update(member.withProfile("alan.turing@example.com", "Alan", Map.of()).touched(NOW));

        assertThat(first.version()).isEqualTo(1);
        assertThatThrownBy(() -> members.update(member.withProfile("other@example.com", "Other", Map.of())))
                .isInstanceOf(StaleVersion.class);
        assertThat(members.find(org, member.id())).contains(first);
        assertThat(members.findByEmail(org, "alan@example.com")).isEmpty();
    }

    @Test
    void keepsIdentitiesInSyncOnUpdate() {
        var org = organization().id();
        var member = members.insert(member(org, "edsger@example.com", "old-guid"));
        var relinked = member.withIdentity(new ExternalIdentity(Source.DIRECTORY, "new-guid"))
                .withIdentity(new ExternalIdentity(Source.SCIM, "scim-e"));

        var updated = members.update(relinked);

        assertThat(members.findByIdentity(org, new ExternalIdentity(Source.DIRECTORY, "old-guid"))).isEmpty();
        assertThat(members.findByIdentity(org, new ExternalIdentity(Source.DIRECTORY, "new-guid")))
                .contains(updated);
        assertThat(members.findByIdentity(org, new ExternalIdentity(Source.SCIM, "scim-e"))).contains(updated);
        assertThat(members.sourceIds(org, Source.DIRECTORY)).containsExactly("new-guid");
    }

    @Test
    void resolvesManySourceIdsToMemberIdsInOneCall() {
        var org = organization().id();
        var ada = members.insert(member(org, "ada@example.com", "guid-ada"));
        var bob = members.insert(member(org, "bob@example.com", "guid-bob"));
        members.insert(member(organization().id(), "eve@example.com", "guid-eve"));

        var ids = members.idsByIdentity(org, Source.DIRECTORY, List.of("guid-ada", "guid-bob", "guid-eve", "nobody"));

        assertThat(ids).containsOnly(Map.entry("guid-ada", ada.id()), Map.entry("guid-bob", bob.id()));
        assertThat(members.idsByIdentity(org, Source.SCIM, List.of("guid-ada"))).isEmpty();
    }

    @Test
    void readsTheEmailsOfManyMembersOfOneOrganization() {
        var org = organization().id();
        var ada = members.insert(member(org, "ada@example.com", "guid-ada"));
        var bob = members.insert(member(org, "bob@example.com", "guid-bob"));
        var eve = members.insert(member(organization().id(), "eve@example.com", "guid-eve"));

        assertThat(members.emails(org, List.of(ada.id(), bob.id(), eve.id())))
                .containsOnly(Map.entry(ada.id(), "ada@example.com"), Map.entry(bob.id(), "bob@example.com"));
    }

    @Test
    void keepsAnAppliedMarkOnlyUntilTheMemberChanges() {
        var org = organization().id();
        var ada = members.insert(member(org, "ada@example.com", "guid-ada"));
        var identity = new ExternalIdentity(Source.DIRECTORY, "guid-ada");
        members.insert(member(org, "bob@example.com", "guid-bob"));

        members.markApplied(org, identity, "f".repeat(64), ada.version());

        assertThat(members.appliedMarks(org, Source.DIRECTORY, List.of("guid-ada", "guid-bob")))
                .containsOnly(Map.entry("guid-ada", new AppliedMark(ada.id(), "f".repeat(64))));
        assertThat(members.appliedMarks(organization().id(), Source.DIRECTORY, List.of("guid-ada"))).isEmpty();

        members.update(ada.withProfile("ada@example.com", "Ada Lovelace", Map.of()).touched(NOW));

        assertThat(members.appliedMarks(org, Source.DIRECTORY, List.of("guid-ada"))).isEmpty();
    }

    @Test
    void listsMembersFilteredAndPagedWithTotal() {
        var org = organization().id();
        for (int i = 0; i < 7; i++) {
            members.insert(member(org, "invited" + i + "@example.com", "d-" + i).invite());
        }
        members.insert(member(org, "staged@example.com", "d-staged"));
        members.insert(Member.newMember(org, "csv@example.com", null, Map.of(),
                new ExternalIdentity(Source.CSV, "line-3"), NOW).invite().withRole(Role.ADMIN, Set.of(), false));

        var page = members.list(new MemberQuery(org, MemberStatus.INVITED, null, null, 2, 3));
        var admins = members.list(new MemberQuery(org, null, Role.ADMIN, null, 0, 10));
        var fromDirectory = members.list(new MemberQuery(org, null, null, Source.DIRECTORY, 0, 100));
        var invitedUsersFromCsv =
                members.list(new MemberQuery(org, MemberStatus.INVITED, Role.USER, Source.CSV, 0, 10));

        assertThat(page.total()).isEqualTo(8);
        assertThat(page.items()).extracting(Member::email)
                .containsExactly("invited1@example.com", "invited2@example.com", "invited3@example.com");
        assertThat(admins.items()).extracting(Member::email).containsExactly("csv@example.com");
        assertThat(fromDirectory.total()).isEqualTo(8);
        assertThat(fromDirectory.items()).hasSize(8)
                .allSatisfy(m -> assertThat(m.identity(Source.DIRECTORY)).isPresent());
        assertThat(invitedUsersFromCsv.total()).isZero();
        assertThat(invitedUsersFromCsv.items()).isEmpty();
    }

    @Test
    void countsSeatsAndConfirmedOwners() {
        var org = organization().id();
        members.insert(member(org, "staged@example.com", "s"));
        members.insert(member(org, "invited@example.com", "i").invite());
        members.insert(member(org, "accepted@example.com", "a").invite().accept());
        members.insert(owner(org, "owner@example.com", "o").invite().accept().confirm());
        members.insert(owner(org, "pending-owner@example.com", "p").invite());
        members.insert(owner(org, "revoked-owner@example.com", "r").invite().accept().confirm()
                .revoke(RevocationReason.MANUAL));

        assertThat(members.countOccupyingSeats(org)).isEqualTo(4);
        assertThat(members.countConfirmedOwners(org)).isEqualTo(1);
    }

    @Test
    void listsSourceIdsOfOneSourceOnly() {
        var org = organization().id();
        members.insert(member(org, "a@example.com", "guid-a"));
        members.insert(member(org, "b@example.com", "guid-b").withIdentity(new ExternalIdentity(Source.SCIM, "s-b")));
        members.insert(member(organization().id(), "c@example.com", "guid-other-org"));

        assertThat(members.sourceIds(org, Source.DIRECTORY)).containsExactlyInAnyOrder("guid-a", "guid-b");
        assertThat(members.sourceIds(org, Source.SCIM)).containsExactly("s-b");
        assertThat(members.sourceIds(org, Source.CSV)).isEmpty();
    }

    @Test
    void findsRevokedMembersWhoseRemovalIsDue() {
        var org = organization().id();
        var later = members.insert(revokedUntil(org, "later@example.com", NOW.minusSeconds(10)));
        var earlier = members.insert(revokedUntil(org, "earlier@example.com", NOW.minusSeconds(3600)));
        members.insert(revokedUntil(org, "future@example.com", NOW.plusSeconds(10)));
        members.insert(member(org, "revoked-unscheduled@example.com", "u").revoke(RevocationReason.MANUAL));

        var due = members.dueForRemoval(NOW, 100).stream().filter(m -> m.organizationId().equals(org)).toList();

        assertThat(due).containsExactly(earlier, later);
        assertThat(members.dueForRemoval(NOW, 1)).hasSize(1);
    }

    @Test
    void rejectsStaleGroupUpdateAndFindsGroupsByNameAndIdentity() {
        var org = organization().id();
        var identity = new ExternalIdentity(Source.SCIM, "grp-1");
        var group = groups.insert(Group.newGroup(org, "Engineering", "ext-eng", identity, NOW));
        var renamed = groups.update(group.renamed("Platform Engineering", "ext-eng", NOW.plusSeconds(1)));

        assertThat(renamed.version()).isEqualTo(1);
        assertThatThrownBy(() -> groups.update(group.renamed("Lost", null, NOW))).isInstanceOf(StaleVersion.class);
        assertThat(groups.find(org, group.id())).contains(renamed);
        assertThat(groups.findByName(org, "platform ENGINEERING")).contains(renamed);
        assertThat(groups.findByName(org, "Engineering")).isEmpty();
        assertThat(groups.findByIdentity(org, identity)).contains(renamed);
        assertThat(groups.list(org)).containsExactly(renamed);
    }

    @Test
    void rejectsSecondGroupWithSameIdentity() {
        var org = organization().id();
        var identity = new ExternalIdentity(Source.DIRECTORY, "cn-guid");
        groups.insert(Group.newGroup(org, "One", null, identity, NOW));
        groups.insert(Group.newGroup(org, "Manual one", null, null, NOW));
        groups.insert(Group.newGroup(org, "Manual two", null, null, NOW));

        assertThatThrownBy(() -> groups.insert(Group.newGroup(org, "Two", null, identity, NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(groups.list(org)).extracting(Group::name).containsExactly("Manual one", "Manual two", "One");
    }

    @Test
    void keepsGroupMembershipsPerOriginAndIgnoresRepeatedAdds() {
        var org = organization().id();
        var group = groups.insert(Group.newGroup(org, "Ops", null, null, NOW));
        var member = members.insert(member(org, "ops@example.com", "o"));
        var fromScim = new GroupMembership(group.id(), member.id(), Origin.SCIM);
        var manual = new GroupMembership(group.id(), member.id(), Origin.MANUAL);

        groups.addMembership(org, fromScim);
        groups.addMembership(org, fromScim);
        groups.addMembership(org, manual);

        assertThat(groups.memberships(org, group.id())).containsExactlyInAnyOrder(fromScim, manual);
        groups.removeMembership(org, fromScim);
        assertThat(groups.membershipsOf(org, member.id())).containsExactly(manual);
    }

    @Test
    void addsManyMembershipsTogetherAndIgnoresOnesThatExist() {
        var org = organization().id();
        var group = groups.insert(Group.newGroup(org, "Everyone", null, null, NOW));
        var ada = members.insert(member(org, "ada@example.com", "a"));
        var bob = members.insert(member(org, "bob@example.com", "b"));
        var adaFromDirectory = new GroupMembership(group.id(), ada.id(), Origin.DIRECTORY);
        groups.addMembership(org, adaFromDirectory);

        groups.addMemberships(org, List.of(adaFromDirectory, new GroupMembership(group.id(), bob.id(),
                Origin.DIRECTORY)));

        assertThat(groups.memberships(org, group.id())).extracting(GroupMembership::memberId)
                .containsExactlyInAnyOrder(ada.id(), bob.id());
    }

    @Test
    void upsertsGrantsPerOriginAndRevokesOne() {
        var org = organization().id();
        var collection = collections.insert(new Collection(CollectionId.random(), org, "Finance", "fin", NOW));
        var member = members.insert(member(org, "cfo@example.com", "cfo"));
        var group = groups.insert(Group.newGroup(org, "Accounting", null, null, NOW));
        var toMember = new Grantee.OfMember(member.id());
        var toGroup = new Grantee.OfGroup(group.id());

        collections.grant(org, new CollectionGrant(collection.id(), toMember, AccessLevel.READ_ONLY, Origin.MANUAL));
        collections.grant(org, new CollectionGrant(collection.id(), toMember, AccessLevel.CAN_EDIT, Origin.MANUAL));
        collections.grant(org, new CollectionGrant(collection.id(), toMember, AccessLevel.HIDE_PASSWORDS, Origin.RULES));
        collections.grant(org, new CollectionGrant(collection.id(), toGroup, AccessLevel.CAN_MANAGE, Origin.MANUAL));

        assertThat(collections.grantsOf(org, toMember)).containsExactlyInAnyOrder(
                new CollectionGrant(collection.id(), toMember, AccessLevel.CAN_EDIT, Origin.MANUAL),
                new CollectionGrant(collection.id(), toMember, AccessLevel.HIDE_PASSWORDS, Origin.RULES));
        assertThat(collections.grants(org, collection.id())).hasSize(3);

        collections.revoke(org, new CollectionGrant(collection.id(), toMember, AccessLevel.CAN_EDIT, Origin.MANUAL));

        assertThat(collections.grantsOf(org, toMember)).containsExactly(
                new CollectionGrant(collection.id(), toMember, AccessLevel.HIDE_PASSWORDS, Origin.RULES));
        assertThat(collections.grantsOf(org, toGroup)).containsExactly(
                new CollectionGrant(collection.id(), toGroup, AccessLevel.CAN_MANAGE, Origin.MANUAL));
    }

    @Test
    void findsCollectionsByNameIgnoringCase() {
        var org = organization().id();
        var finance = collections.insert(new Collection(CollectionId.random(), org, "Finance", null, NOW));
        var hr = collections.insert(new Collection(CollectionId.random(), org, "HR", "hr-ext", NOW));

        assertThat(collections.findByName(org, "FINANCE")).contains(finance);
        assertThat(collections.find(org, hr.id())).contains(hr);
        assertThat(collections.list(org)).containsExactly(finance, hr);

        collections.delete(org, finance.id());
        assertThat(collections.list(org)).containsExactly(hr);
    }

    @Test
    void deletingMemberRemovesItsMembershipsGrantsAndIdentities() {
        var org = organization().id();
        var group = groups.insert(Group.newGroup(org, "Sales", null, null, NOW));
        var collection = collections.insert(new Collection(CollectionId.random(), org, "Deals", null, NOW));
        var leaving = members.insert(member(org, "leaving@example.com", "leaving"));
        var staying = members.insert(member(org, "staying@example.com", "staying"));
        for (Member m : List.of(leaving, staying)) {
            groups.addMembership(org, new GroupMembership(group.id(), m.id(), Origin.DIRECTORY));
            collections.grant(org, new CollectionGrant(collection.id(), new Grantee.OfMember(m.id()),
                    AccessLevel.READ_ONLY, Origin.RULES));
        }

        members.delete(org, leaving.id());

        assertThat(members.find(org, leaving.id())).isEmpty();
        assertThat(members.findByIdentity(org, new ExternalIdentity(Source.DIRECTORY, "leaving"))).isEmpty();
        assertThat(groups.memberships(org, group.id())).extracting(GroupMembership::memberId)
                .containsExactly(staying.id());
        assertThat(collections.grants(org, collection.id())).extracting(CollectionGrant::grantee)
                .containsExactly(new Grantee.OfMember(staying.id()));
        // The e-mail is free again for a new membership.
        assertThat(members.insert(member(org, "leaving@example.com", "returning")).email())
                .isEqualTo("leaving@example.com");
    }

    @Test
    void deletingGroupRemovesItsMembershipsAndGrants() {
        var org = organization().id();
        var group = groups.insert(Group.newGroup(org, "Temp", null, new ExternalIdentity(Source.SCIM, "t"), NOW));
        var member = members.insert(member(org, "temp@example.com", "temp"));
        var collection = collections.insert(new Collection(CollectionId.random(), org, "Shared", null, NOW));
        groups.addMembership(org, new GroupMembership(group.id(), member.id(), Origin.SCIM));
        collections.grant(org, new CollectionGrant(collection.id(), new Grantee.OfGroup(group.id()),
                AccessLevel.CAN_EDIT, Origin.MANUAL));

        groups.delete(org, group.id());

        assertThat(groups.find(org, group.id())).isEmpty();
        assertThat(groups.membershipsOf(org, member.id())).isEmpty();
        assertThat(collections.grants(org, collection.id())).isEmpty();
        assertThat(members.find(org, member.id())).isPresent();
    }

    @Test
    void recordsRunWithItemsOfEveryOutcome() {
        var org = organization().id();
        var older = new Run(RunId.random(), org, Source.CSV, "admin", "people.csv", false, RunState.RUNNING,
                NOW.minusSeconds(600), null, null, null);
        var run = new Run(RunId.random(), org, Source.DIRECTORY, "scheduler", "scheduled", true, RunState.RUNNING,
                NOW, null, null, null);
        runs.start(older);
        runs.start(run);
        var items = List.of(
                new ItemResult(0, "guid-1", new ItemOutcome.Applied("m-1", List.of(
                        Change.of(Change.Kind.CREATED, null, "ada@example.com"),
                        Change.of(Change.Kind.ROLE_CHANGED, Role.USER, Role.ADMIN)))),
                new ItemResult(1, "guid-2", new ItemOutcome.Unchanged("m-2")),
                new ItemResult(2, "guid-3", new ItemOutcome.Skipped("m-3", "seat-limit", "no seats left")),
                new ItemResult(3, null, new ItemOutcome.Rejected("invalid-email", "not an e-mail: x")),
                new ItemResult(4, "guid-5", new ItemOutcome.Failed("connection reset", true)));

        runs.addItems(run.id(), items.subList(0, 2));
        runs.addItems(run.id(), items.subList(2, 5));
        runs.finish(run.id(), RunState.PLANNED, NOW.plusSeconds(5), Map.of("applied", 1, "skipped", 1), null);

        var finished = runs.find(org, run.id()).orElseThrow();
        assertThat(finished.state()).isEqualTo(RunState.PLANNED);
        assertThat(finished.finishedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(finished.counts()).isEqualTo(Map.of("applied", 1, "skipped", 1));
        assertThat(finished.dryRun()).isTrue();
        assertThat(runs.items(org, run.id(), 0, 10).items()).isEqualTo(items);
        var secondPage = runs.items(org, run.id(), 3, 10);
        assertThat(secondPage.total()).isEqualTo(5);
        assertThat(secondPage.items()).isEqualTo(items.subList(3, 5));
        assertThat(runs.items(organization().id(), run.id(), 0, 10).items()).isEmpty();
        assertThat(runs.page(org, 0, 10).items()).extracting(Run::id).containsExactly(run.id(), older.id());
        assertThat(runs.find(org, older.id())).contains(older);
    }

    @Test
    void pagesAuditEventsNewestFirst() {
        var org = organization().id();
        for (int i = 0; i < 5; i++) {
            auditLog.record(new AuditEvent(org, NOW.plusSeconds(i), Actor.system(Actor.Kind.SCIM, "okta"),
                    AuditEventType.MEMBER_INVITED, "member-" + i, "invited", "rule " + i));
        }
        var byMember = new AuditEvent(org, NOW.plusSeconds(10), Actor.member(MemberId.random(), "Ada"),
                AuditEventType.MEMBER_ROLE_CHANGED, "member-0", "USER to ADMIN", null);
        auditLog.record(byMember);

        var first = auditLog.page(org, 0, 3);
        var second = auditLog.page(org, 3, 3);

        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items().get(0)).isEqualTo(byMember);
        assertThat(first.items()).extracting(AuditEvent::subject).containsExactly("member-0", "member-4", "member-3");
        assertThat(second.items()).extracting(AuditEvent::subject).containsExactly("member-2", "member-1", "member-0");
        assertThat(auditLog.page(organization().id(), 0, 3).total()).isZero();
    }

    @Test
    void savesAndReplacesPolicies() {
        var org = organization().id();
        assertThat(policies.find(org, PolicyType.REQUIRE_TWO_STEP_LOGIN)).isEmpty();

        policies.save(new Policy(org, PolicyType.REQUIRE_TWO_STEP_LOGIN, true, Map.of()));
        policies.save(new Policy(org, PolicyType.MAXIMUM_VAULT_TIMEOUT, true, Map.of("minutes", "15")));
        policies.save(new Policy(org, PolicyType.MAXIMUM_VAULT_TIMEOUT, false, Map.of("minutes", "30")));

        assertThat(policies.find(org, PolicyType.MAXIMUM_VAULT_TIMEOUT))
                .contains(new Policy(org, PolicyType.MAXIMUM_VAULT_TIMEOUT, false, Map.of("minutes", "30")));
        assertThat(policies.list(org)).extracting(Policy::type)
                .containsExactlyInAnyOrder(PolicyType.REQUIRE_TWO_STEP_LOGIN, PolicyType.MAXIMUM_VAULT_TIMEOUT);
    }

    @Test
    void rollsBackOnlyTheFailingNestedItem() {
        var org = organization().id();

        transactions.inTransaction(() -> {
            transactions.inTransaction(() -> members.insert(member(org, "first@example.com", "1")));
            try {
                transactions.inTransaction(() -> {
                    members.insert(member(org, "failing@example.com", "2"));
                    throw new IllegalStateException("item fails after writing");
                });
            } catch (IllegalStateException expected) {
                // the batch goes on with the next item
            }
            return transactions.inTransaction(() -> members.insert(member(org, "third@example.com", "3")));
        });

        assertThat(members.findByEmail(org, "first@example.com")).isPresent();
        assertThat(members.findByEmail(org, "failing@example.com")).isEmpty();
        assertThat(members.findByIdentity(org, new ExternalIdentity(Source.DIRECTORY, "2"))).isEmpty();
        assertThat(members.findByEmail(org, "third@example.com")).isPresent();
    }

    @Test
    void keepsNothingOfRolledBackWorkButSeesItWithin() {
        var org = organization().id();

        boolean seenWithin = transactions.rolledBack(() -> {
            members.insert(member(org, "dry@example.com", "dry"));
            return members.findByEmail(org, "dry@example.com").isPresent();
        });

        assertThat(seenWithin).isTrue();
        assertThat(members.findByEmail(org, "dry@example.com")).isEmpty();
    }

    @Test
    void rollsBackDryRunInsideOpenTransactionOnly() {
        var org = organization().id();

        transactions.inTransaction(() -> {
            members.insert(member(org, "kept@example.com", "kept"));
            return transactions.rolledBack(() -> members.insert(member(org, "planned@example.com", "planned")));
        });

        assertThat(members.findByEmail(org, "kept@example.com")).isPresent();
        assertThat(members.findByEmail(org, "planned@example.com")).isEmpty();
    }

    Organization organization() {
        return organizations.insert(new Organization(OrganizationId.random(), "Org", Plan.PRODUCTION, 100, null,
                OrganizationSettings.defaults(), NOW, 0));
    }

    static Member member(OrganizationId org, String email, String directoryId) {
        return Member.newMember(org, email, null, Map.of(), new ExternalIdentity(Source.DIRECTORY, directoryId), NOW);
    }

    static Member owner(OrganizationId org, String email, String directoryId) {
        return member(org, email, directoryId).withRole(Role.OWNER, Set.of(), false);
    }

    static Member revokedUntil(OrganizationId org, String email, Instant removeAfter) {
        return member(org, email, email).invite().revoke(RevocationReason.SOURCE_DEACTIVATED)
                .scheduleRemoval(removeAfter);
    }
}
