package dev.muster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muster.onboarding.Batch;
import dev.muster.onboarding.OnboardingCommand;
import dev.muster.organization.Actor;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Group;
import dev.muster.organization.Groups;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code /Groups} endpoint. A Group's SCIM {@code id} is the group's SCIM identity source id; its members are
 * the memberships tagged with origin SCIM (manual memberships are not the provider's to see or change). Every
 * change is one batch: the group itself, then the complete member set, which makes a redundant {@code Add} a
 * no-op.
 */
final class ScimGroups {
    private final Groups groups;
    private final ScimUsers userEndpoint;
    private final GroupResources resources;

    ScimGroups(Groups groups, Members members, ScimUsers userEndpoint) {
        this.groups = groups;
        this.userEndpoint = userEndpoint;
        this.resources = new GroupResources(groups, members);
    }

    ScimStep create(ScimContext context, ObjectNode body) {
        String displayName = GroupResources.displayName(body);
        groups.findByName(context.organization(), displayName).filter(g -> g.identity() != null)
                .ifPresent(g -> {
                    throw ScimFault.conflict("a group named '" + displayName + "' already exists");
                });
        String id = UUID.randomUUID().toString();
        Set<String> memberIds = memberIds(context, body);
        return apply(context, id, displayName, GroupResources.externalId(body), memberIds, "POST /Groups", 201);
    }

    ScimResponse get(ScimContext context, String id, Projection projection, String ifNoneMatch) {
        Group group = find(context.organization(), id);
        ObjectNode resource = resources.render(context, group, true);
        String version = resource.get("meta").get("version").asText();
        if (ifNoneMatch != null && Versions.matches(ifNoneMatch, version)) {
            return ScimResponse.empty(304).withHeader("ETag", version);
        }
        return ScimResponse.json(200, ScimJson.write(projection.apply(resource))).withHeader("ETag", version);
    }

    UserListing.Listed list(ScimContext context, ListParameters parameters) {
        boolean withMembers = !parameters.projection().excludes("members");
        Filters filter = parameters.filter() == null ? null : Filters.parse(parameters.filter());
        List<Group> candidates = candidates(context.organization(), filter);
        var matches = new ArrayList<ObjectNode>();
        for (Group group : candidates) {
            ObjectNode resource = resources.render(context, group, withMembers || filter != null);
            if (filter == null || filter.matches(resource)) {
                if (!withMembers) {
                    resource.remove("members");
                }
                matches.add(resource);
            }
        }
        if (parameters.descending()) {
            java.util.Collections.reverse(matches);
        }
        int from = (int) Math.min(matches.size(), parameters.startIndex() - 1);
        int to = Math.min(matches.size(), from + parameters.count());
        return new UserListing.Listed(matches.size(), matches.subList(from, to));
    }

    ScimStep replace(ScimContext context, String id, ObjectNode body, String ifMatch) {
        Group group = find(context.organization(), id);
        Versions.require(ifMatch, resources.version(context, group));
        return apply(context, id, GroupResources.displayName(body), GroupResources.externalId(body),
                memberIds(context, body), "PUT /Groups/" + id,
                200);
    }

    ScimStep patch(ScimContext context, String id, ObjectNode body, String ifMatch, Projection projection,
                   boolean returnResource) {
        Group group = find(context.organization(), id);
        Versions.require(ifMatch, resources.version(context, group));
        var operations = Patches.operations(body);
        ObjectNode patched = Patches.apply(resources.render(context, group, true), operations);
        return apply(context, id, GroupResources.displayName(patched), GroupResources.externalId(patched),
                memberIds(context, patched), "PATCH /Groups/" + id, returnResource ? 200 : 204);
    }

    ScimStep delete(ScimContext context, String id, String ifMatch) {
        Group group = find(context.organization(), id);
        Versions.require(ifMatch, resources.version(context, group));
        Batch batch = new Batch(context.organization(), Source.SCIM, Actor.system(Actor.Kind.SCIM, context.actor()),
                List.of(new OnboardingCommand.DeleteGroup(id)), false, "DELETE /Groups/" + id, null);
        return new ScimStep.Apply(batch, result -> {
            ScimFault fault = Outcomes.failure(result);
            return fault != null ? fault.response() : ScimResponse.empty(204);
        });
    }

    private ScimStep apply(ScimContext context, String id, String displayName, String externalId,
                           Set<String> memberIds, String trigger, int status) {
        var commands = List.<OnboardingCommand>of(new OnboardingCommand.UpsertGroup(id, displayName, externalId),
                new OnboardingCommand.SetGroupMembers(id, memberIds));
        Batch batch = new Batch(context.organization(), Source.SCIM, Actor.system(Actor.Kind.SCIM, context.actor()),
                commands, false, trigger, null);
        return new ScimStep.Apply(batch, result -> {
            ScimFault fault = Outcomes.failure(result);
            if (fault != null) {
                return fault.response();
            }
            Group after = find(context.organization(), id);
            ObjectNode resource = resources.render(context, after, true);
            String version = resource.get("meta").get("version").asText();
            if (status == 204) {
                return ScimResponse.empty(204).withHeader("ETag", version);
            }
            var response = ScimResponse.json(status, ScimJson.write(resource)).withHeader("ETag", version);
            return status == 201 ? response.withHeader("Location", context.baseUrl() + "/Groups/" + id) : response;
        });
    }

    private List<Group> candidates(OrganizationId organization, Filters filter) {
        if (filter != null) {
            Optional<Filters.Lookup> lookup = filter.lookup(ScimJson.GROUP_SCHEMA);
            if (lookup.isPresent() && lookup.get().attribute().equals("displayname")) {
                return groups.findByName(organization, lookup.get().value()).filter(g -> managed(g))
                        .map(List::of).orElse(List.of());
            }
            if (lookup.isPresent() && lookup.get().attribute().equals("id")) {
                return groups.findByIdentity(organization, new ExternalIdentity(Source.SCIM, lookup.get().value()))
                        .map(List::of).orElse(List.of());
            }
        }
        return groups.list(organization).stream().filter(ScimGroups::managed).toList();
    }

    private static boolean managed(Group group) {
        return group.identity() != null && group.identity().source() == Source.SCIM;
    }

    private Group find(OrganizationId organization, String id) {
        return groups.findByIdentity(organization, new ExternalIdentity(Source.SCIM, id))
                .orElseThrow(() -> ScimFault.notFound("no Group " + id));
    }

    /** The member ids a Group resource names; each must be a live User of the organization. */
    private Set<String> memberIds(ScimContext context, ObjectNode group) {
        JsonNode array = ScimJson.field(group, "members");
        var ids = new LinkedHashSet<String>();
        if (array == null) {
            return ids;
        }
        if (!array.isArray()) {
            throw ScimFault.badRequest("invalidValue", "'members' must be an array");
        }
        for (JsonNode member : array) {
            String value = ScimJson.text(member, "value");
            if (value == null) {
                throw ScimFault.badRequest("invalidValue", "each member needs a 'value' (a User id), not " + member);
            }
            try {
                userEndpoint.find(context.organization(), value);
            } catch (ScimFault notFound) {
                throw ScimFault.badRequest("invalidValue", "member " + value + " is not a User of this organization");
            }
            ids.add(value);
        }
        return ids;
    }

}
