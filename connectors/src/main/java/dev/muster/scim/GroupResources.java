package dev.muster.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.muster.organization.Group;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Origin;
import dev.muster.organization.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Renders a group as a SCIM Group (members with their display, a weak ETag) and reads a Group's own fields. */
final class GroupResources {
    private final Groups groups;
    private final Members members;

    GroupResources(Groups groups, Members members) {
        this.groups = groups;
        this.members = members;
    }

    ObjectNode render(ScimContext context, Group group, boolean withMembers) {
        ObjectNode resource = ScimJson.newObject();
        resource.putArray("schemas").add(ScimJson.GROUP_SCHEMA);
        String id = group.identity().sourceId();
        resource.put("id", id);
        if (group.externalId() != null) {
            resource.put("externalId", group.externalId());
        }
        resource.put("displayName", group.name());
        var memberIds = new TreeSet<String>();
        if (withMembers) {
            ArrayNode array = resource.putArray("members");
            for (Member member : scimMembers(context.organization(), group)) {
                String memberId = member.identity(Source.SCIM).orElseThrow().sourceId();
                memberIds.add(memberId);
                array.addObject().put("value", memberId).put("display", member.name() == null ? member.email()
                        : member.name()).put("$ref", context.baseUrl() + "/Users/" + memberId).put("type", "User");
            }
        }
        String version = withMembers ? version(group, memberIds) : version(context, group);
        resource.set("meta", ScimJson.meta("Group", group.createdAt(), group.updatedAt(),
                context.baseUrl() + "/Groups/" + id, version));
        return resource;
    }

    String version(ScimContext context, Group group) {
        var memberIds = new TreeSet<String>();
        scimMembers(context.organization(), group)
                .forEach(m -> memberIds.add(m.identity(Source.SCIM).orElseThrow().sourceId()));
        return version(group, memberIds);
    }

    /** A weak ETag over the group's version and its member set, which the group row does not version. */
    private static String version(Group group, Set<String> memberIds) {
        return "W/\"" + group.version() + "-" + Integer.toHexString(memberIds.hashCode()) + "\"";
    }

    private List<Member> scimMembers(OrganizationId organization, Group group) {
        var found = new ArrayList<Member>();
        for (GroupMembership membership : groups.memberships(organization, group.id())) {
            if (membership.origin() == Origin.SCIM) {
                members.find(organization, membership.memberId()).filter(m -> m.identity(Source.SCIM).isPresent())
                        .ifPresent(found::add);
            }
        }
        return found;
    }

    static String displayName(ObjectNode group) {
        String displayName = ScimJson.text(group, "displayName");
        if (displayName == null) {
            throw ScimFault.badRequest("invalidValue", "'displayName' is required");
        }
        if (displayName.length() > 100) {
            throw ScimFault.badRequest("invalidValue", "'displayName' must be at most 100 characters");
        }
        return displayName;
    }

    static String externalId(ObjectNode group) {
        String externalId = ScimJson.text(group, "externalId");
        if (externalId != null && externalId.length() > 300) {
            throw ScimFault.badRequest("invalidValue", "'externalId' must be at most 300 characters");
        }
        return externalId;
    }
}
