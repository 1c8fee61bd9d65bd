package dev.muster.members;

import dev.muster.organization.AccessLevel;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.Collections;
import dev.muster.organization.Grantee;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Origin;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Where everything a member holds came from: each group membership with its origin tag, and each collection grant
 * with its origin, granted directly or through which group. The JSON API's member detail and the admin pages'
 * member page both read it here.
 */
@Component
public class MemberOrigins {
    private final Groups groups;
    private final Collections collections;

    MemberOrigins(Groups groups, Collections collections) {
        this.groups = groups;
        this.collections = collections;
    }

    public record Membership(String groupId, String group, Origin origin) {
    }

    /** @param viaGroup the group the access comes through, {@code null} when granted to the member directly */
    public record Access(String collectionId, String collection, AccessLevel level, Origin origin, String viaGroup) {
    }

    public record Origins(List<Membership> groups, List<Access> access) {
    }

    /** A group or collection that no longer resolves is named by its id. */
    public Origins of(OrganizationId org, Member member) {
        var memberships = new ArrayList<Membership>();
        var access = new ArrayList<Access>();
        for (GroupMembership gm : groups.membershipsOf(org, member.id())) {
            String name = groups.find(org, gm.groupId()).map(g -> g.name()).orElse(gm.groupId().toString());
            memberships.add(new Membership(gm.groupId().toString(), name, gm.origin()));
            collections.grantsOf(org, new Grantee.OfGroup(gm.groupId())).forEach(g -> access.add(access(org, g, name)));
        }
        collections.grantsOf(org, new Grantee.OfMember(member.id())).forEach(g -> access.add(access(org, g, null)));
        return new Origins(List.copyOf(memberships), List.copyOf(access));
    }

    private Access access(OrganizationId org, CollectionGrant grant, String viaGroup) {
        String name = collections.find(org, grant.collectionId()).map(c -> c.name())
                .orElse(grant.collectionId().toString());
        return new Access(grant.collectionId().toString(), name, grant.level(), grant.origin(), viaGroup);
    }
}
