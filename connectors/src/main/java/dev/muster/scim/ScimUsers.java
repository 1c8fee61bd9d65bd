package dev.muster.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Actor;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code /Users} endpoint. A User's SCIM {@code id} is generated here and is the member's SCIM identity
 * source id; {@code userName}, {@code externalId} and the accepted resource are kept in {@link ScimUserRecords}.
 */
final class ScimUsers {
    private final ScimUserRecords records;
    private final Members members;
    private final Clock clock;
    private final UserListing listing;

    ScimUsers(ScimUserRecords records, Members members, Clock clock) {
        this.records = records;
        this.members = members;
        this.clock = clock;
        this.listing = new UserListing(records, members);
    }

    /** A live User: its record and its member. */
    record Current(ScimUserRecord record, Member member) {
        String version() {
            return UserResources.version(record, member);
        }
    }

    ScimStep create(ScimContext context, ObjectNode body, Projection projection) {
        var person = UserResources.person(body);
        Optional<ScimUserRecord> sameName = records.findByUserName(context.organization(), person.userName());
        if (sameName.isPresent() && live(context.organization(), sameName.get()).isPresent()) {
            throw ScimFault.conflict("userName '" + person.userName() + "' is already provisioned as "
                    + sameName.get().id());
        }
        // A userName deleted at the provider earlier comes back under its old id: the member is restored.
        String id = sameName.map(ScimUserRecord::id).orElseGet(() -> UUID.randomUUID().toString());
        checkExternalId(context.organization(), person.externalId(), id);
        var command = OnboardingCommand.UpsertPerson.of(id, person.email(), person.name(), person.attributes(), null,
                person.active());
        long version = sameName.map(r -> r.version() + 1).orElse(0L);
        return new ScimStep.Apply(batch(context, command, "POST /Users"), result -> {
            ScimFault fault = Outcomes.failure(result);
            if (fault != null) {
                return fault.response();
            }
            var now = clock.instant();
            records.save(new ScimUserRecord(context.organization(), id, person.userName(), person.externalId(),
                    person.name(), ScimJson.write(UserResources.stored(body)), now, now, version, false));
            Current created = find(context.organization(), id);
            return respond(201, context, created, projection)
                    .withHeader("Location", context.baseUrl() + "/Users/" + id);
        });
    }

    ScimResponse get(ScimContext context, String id, Projection projection, String ifNoneMatch) {
        Current current = find(context.organization(), id);
        if (ifNoneMatch != null && Versions.matches(ifNoneMatch, current.version())) {
            return ScimResponse.empty(304).withHeader("ETag", current.version());
        }
        return respond(200, context, current, projection);
    }

    UserListing.Listed list(ScimContext context, ListParameters parameters) {
        return listing.list(context, parameters);
    }

    ScimStep replace(ScimContext context, String id, ObjectNode body, String ifMatch, Projection projection) {
        Current current = find(context.organization(), id);
        Versions.require(ifMatch, current.version());
        return write(context, current, body, "PUT /Users/" + id, 200, projection);
    }

    ScimStep patch(ScimContext context, String id, ObjectNode body, String ifMatch, Projection projection,
                   boolean returnResource) {
        Current current = find(context.organization(), id);
        Versions.require(ifMatch, current.version());
        var operations = Patches.operations(body);
        ObjectNode patched = Patches.apply(UserResources.render(current.record(), current.member(),
                context.baseUrl()), operations);
        return write(context, current, patched, "PATCH /Users/" + id, returnResource ? 200 : 204, projection);
    }

    ScimStep delete(ScimContext context, String id, String ifMatch) {
        Current current = find(context.organization(), id);
        Versions.require(ifMatch, current.version());
        var command = new OnboardingCommand.DeletePerson(id);
        return new ScimStep.Apply(batch(context, command, "DELETE /Users/" + id), result -> {
            ScimFault fault = Outcomes.failure(result);
            if (fault != null) {
                return fault.response();
            }
            ScimUserRecord r = current.record();
            records.save(new ScimUserRecord(r.organizationId(), r.id(), r.userName(), null, r.displayName(),
                    r.resource(),
                    r.created(), clock.instant(), r.version() + 1, true));
            return ScimResponse.empty(204);
        });
    }

    private ScimStep write(ScimContext context, Current current, ObjectNode resource, String trigger, int status,
                           Projection projection) {
        var person = UserResources.person(resource);
        String id = current.record().id();
        if (!person.userName().equalsIgnoreCase(current.record().userName())) {
            records.findByUserName(context.organization(), person.userName())
                    .filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw ScimFault.conflict("userName '" + person.userName() + "' belongs to " + other.id());
                    });
        }
        checkExternalId(context.organization(), person.externalId(), id);
        var command = OnboardingCommand.UpsertPerson.of(id, person.email(), person.name(), person.attributes(), null,
                person.active());
        return new ScimStep.Apply(batch(context, command, trigger), result -> {
            ScimFault fault = Outcomes.failure(result);
            if (fault != null) {
                return fault.response();
            }
            ScimUserRecord r = current.record();
            records.save(new ScimUserRecord(r.organizationId(), id, person.userName(), person.externalId(),
                    person.name(), ScimJson.write(UserResources.stored(resource)), r.created(), clock.instant(),
                    r.version() + 1,
                    false));
            Current after = find(context.organization(), id);
            if (status == 204) {
                return ScimResponse.empty(204).withHeader("ETag", after.version());
            }
            return respond(status, context, after, projection == null ? Projection.of(null, null) : projection);
        });
    }

    private void checkExternalId(OrganizationId organization, String externalId, String id) {
        if (externalId == null) {
            return;
        }
        records.findByExternalId(organization, externalId).filter(other -> !other.id().equals(id))
                .filter(other -> live(organization, other).isPresent())
                .ifPresent(other -> {
                    throw ScimFault.conflict("externalId '" + externalId + "' belongs to " + other.id());
                });
    }

    Current find(OrganizationId organization, String id) {
        return records.find(organization, id).flatMap(r -> live(organization, r))
                .orElseThrow(() -> ScimFault.notFound("no User " + id));
    }

    private Optional<Current> live(OrganizationId organization, ScimUserRecord record) {
        if (record.deleted()) {
            return Optional.empty();
        }
        return members.findByIdentity(organization, new ExternalIdentity(Source.SCIM, record.id()))
                .map(member -> new Current(record, member));
    }

    private static ScimResponse respond(int status, ScimContext context, Current current, Projection projection) {
        ObjectNode user = projection.apply(UserResources.render(current.record(), current.member(),
                context.baseUrl()));
        return ScimResponse.json(status, ScimJson.write(user)).withHeader("ETag", current.version());
    }

    static Batch batch(ScimContext context, OnboardingCommand command, String trigger) {
        return new Batch(context.organization(), Source.SCIM, Actor.system(Actor.Kind.SCIM, context.actor()),
                java.util.List.of(command), false, trigger, null);
    }
}
