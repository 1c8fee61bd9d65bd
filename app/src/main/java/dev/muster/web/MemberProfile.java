package dev.muster.web;

import dev.muster.organization.CollectionGrant;
import dev.muster.organization.Collections;
import dev.muster.organization.Grantee;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.OrganizationId;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A member as its detail page shows it: where everything it holds came from (identities, group memberships and
 * collection access with their origin tags, direct or through a group) and the rules' explanation of its role.
 */
@Component
class MemberProfile {
    private final Groups groups;
    private final Collections collections;

    MemberProfile(Groups groups, Collections collections) {
        this.groups = groups;
        this.collections = collections;
    }

    record Membership(String group, String origin) {
    }

    /** @param via the group the access comes through, {@code null} when granted to the member directly */
    record Access(String collection, String level, String origin, String via) {
    }

    record Profile(List<Membership> groups, List<Access> access) {
    }

    Profile of(OrganizationId org, Member member) {
        var memberships = new ArrayList<Membership>();
        var access = new ArrayList<Access>();
        for (GroupMembership gm : groups.membershipsOf(org, member.id())) {
            String name = groups.find(org, gm.groupId()).map(g -> g.name()).orElse(gm.groupId().toString());
            memberships.add(new Membership(name, gm.origin().name()));
            collections.grantsOf(org, new Grantee.OfGroup(gm.groupId())).forEach(g -> access.add(access(org, g, name)));
        }
        collections.grantsOf(org, new Grantee.OfMember(member.id())).forEach(g -> access.add(access(org, g, null)));
        return new Profile(memberships, access);
    }

    private Access access(OrganizationId org, CollectionGrant grant, String via) {
        String name = collections.find(org, grant.collectionId()).map(c -> c.name())
                .orElse(grant.collectionId().toString());
        return new Access(name, Views.words(grant.level()), grant.origin().name(), via);
    }
}
