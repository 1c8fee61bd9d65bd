package dev.muster.onboarding;

import dev.muster.onboarding.OnboardingCommand.UpsertPerson;
import dev.muster.organization.Actor;
import dev.muster.organization.Invitations;
import dev.muster.organization.Member;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Plan;
import dev.muster.organization.Source;
import dev.muster.roles.RoleDecision;
import dev.muster.roles.RoleRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Named factories for the core's tests: an organization with storage, people and batches. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    /** Invitations recorded instead of mailed. */
    static final class SentInvitations implements Invitations {
        final List<Member> sent = new ArrayList<>();

        @Override
        public void invite(Member member) {
            sent.add(member);
        }
    }

    /** A mutable clock for grace periods. */
    static final class TestClock extends Clock {
        Instant now = NOW;

        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    final InMemoryStore memory = new InMemoryStore();
    final SentInvitations invitations = new SentInvitations();
    final List<Object> events = new ArrayList<>();
    final TestClock clock = new TestClock();
    RoleRules rules = person -> RoleDecision.plainUser("no rules: USER");
    final Onboarding onboarding = new Onboarding(memory.store, org -> rules, invitations, events::add, clock);
    final MemberAdministration administration = new MemberAdministration(memory.store, invitations, events::add,
            clock);
    final Organization organization;

    private Fixtures(int seats, Integer seatLimit, boolean invite, Duration grace) {
        organization = memory.store.organizations().insert(new Organization(OrganizationId.random(), "Acme",
                Plan.PRODUCTION, seats, seatLimit, new OrganizationSettings(invite, grace, false), NOW, 0));
    }

    static Fixtures organization() {
        return new Fixtures(100, null, true, Duration.ofDays(7));
    }

    static Fixtures organizationWithSeats(int seats, Integer seatLimit) {
        return new Fixtures(seats, seatLimit, true, Duration.ofDays(7));
    }

    static Fixtures stagingOrganization() {
        return new Fixtures(100, null, false, Duration.ofDays(7));
    }

    static Fixtures organizationWithGrace(Duration grace) {
        return new Fixtures(100, null, true, grace);
    }

    static UpsertPerson person(String sourceId, String email) {
        return UpsertPerson.of(sourceId, email, "Person " + sourceId, Map.of("department", "Engineering"), null,
                true);
    }

    static UpsertPerson personInGroups(String sourceId, String email, String... groupSourceIds) {
        return UpsertPerson.of(sourceId, email, "Person " + sourceId, Map.of(), Set.of(groupSourceIds), true);
    }

    BatchResult apply(Source source, OnboardingCommand... commands) {
        return onboarding.run(new Batch(organization.id(), source, Actor.system(actorKind(source), source.name()),
                List.of(commands), false, "test", null));
    }

    BatchResult plan(Source source, OnboardingCommand... commands) {
        return onboarding.run(new Batch(organization.id(), source, Actor.system(actorKind(source), source.name()),
                List.of(commands), true, "test", null));
    }

    Member member(String email) {
        return memory.store.members().findByEmail(organization.id(), email).orElseThrow();
    }

    boolean exists(String email) {
        return memory.store.members().findByEmail(organization.id(), email).isPresent();
    }

    private static Actor.Kind actorKind(Source source) {
        return switch (source) {
            case SCIM -> Actor.Kind.SCIM;
            case DIRECTORY -> Actor.Kind.DIRECTORY_SYNC;
            case CSV -> Actor.Kind.CSV_IMPORT;
            case MANUAL -> Actor.Kind.ADMIN;
        };
    }
}
