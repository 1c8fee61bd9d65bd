package dev.muster.api;

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
import java.util.Map;

/** A member with where everything it has came from: identities, memberships, grants and the rule explanation. */
@Component
class MemberOrigins {
    private final Groups groups;
    private final Collections collections;

    MemberOrigins(Groups groups, Collections collections) {
        this.groups = groups;
        this.collections = collections;
    }

    record Identity(String source, String sourceId) {
    }

    record Membership(String groupId, String group, Origin origin) {
    }

    record Access(String collectionId, String collection, AccessLevel level, Origin origin, String viaGroup) {
    }

    record MemberDetail(MembersController.MemberSummary member, Map<String, String> attributes,
                        List<Identity> identities, List<Membership> groups, List<Access> access,
                        List<String> roleExplanation, String previousStatus, String removeAfter,
                        String createdAt, String updatedAt) {
    }

    MemberDetail detail(OrganizationId org, Member m) {
        var memberships = new ArrayList<Membership>();
        var access = new ArrayList<Access>();
        for (GroupMembership gm : groups.membershipsOf(org, m.id())) {
            String name = groups.find(org, gm.groupId()).map(g -> g.name()).orElse("?");
            memberships.add(new Membership(gm.groupId().toString(), name, gm.origin()));
            for (CollectionGrant grant : collections.grantsOf(org, new Grantee.OfGroup(gm.groupId()))) {
                access.add(access(org, grant, name));
            }
        }
        for (CollectionGrant grant : collections.grantsOf(org, new Grantee.OfMember(m.id()))) {
            access.add(access(org, grant, null));
        }
        return new MemberDetail(MembersController.MemberSummary.of(m), m.attributes(),
                m.identities().stream().map(i -> new Identity(i.source().name(), i.sourceId())).toList(),
                memberships, access, m.explanation(),
                m.previousStatus() == null ? null : m.previousStatus().name(),
                m.removeAfter() == null ? null : m.removeAfter().toString(), m.createdAt().toString(),
                m.updatedAt().toString());
    }

    private Access access(OrganizationId org, CollectionGrant grant, String viaGroup) {
        String name = collections.find(org, grant.collectionId()).map(c -> c.name()).orElse("?");
        return new Access(grant.collectionId().toString(), name, grant.level(), grant.origin(), viaGroup);
    }
}
