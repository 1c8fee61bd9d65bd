package dev.muster.readiness.web;

import dev.muster.organization.Collection;
import dev.muster.organization.CollectionGrant;
import dev.muster.organization.Collections;
import dev.muster.organization.Group;
import dev.muster.organization.GroupMembership;
import dev.muster.organization.Groups;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the reports look at, read once: members, groups with memberships, collections with grants. */
@Component
class OrganizationSnapshot {
    private final Members members;
    private final Groups groups;
    private final Collections collections;

    OrganizationSnapshot(Members members, Groups groups, Collections collections) {
        this.members = members;
        this.groups = groups;
        this.collections = collections;
    }

    record Snapshot(List<Member> members, Map<Group, List<GroupMembership>> groups,
                    Map<Collection, List<CollectionGrant>> collections) {
        Map<String, Member> membersById() {
            var byId = new LinkedHashMap<String, Member>();
            members.forEach(m -> byId.put(m.id().toString(), m));
            return byId;
        }
    }

    Snapshot read(OrganizationId org) {
        var groupMap = new LinkedHashMap<Group, List<GroupMembership>>();
        groups.list(org).forEach(g -> groupMap.put(g, groups.memberships(org, g.id())));
        var collectionMap = new LinkedHashMap<Collection, List<CollectionGrant>>();
        collections.list(org).forEach(c -> collectionMap.put(c, collections.grants(org, c.id())));
        return new Snapshot(allMembers(org), groupMap, collectionMap);
    }

    private List<Member> allMembers(OrganizationId org) {
        var all = new ArrayList<Member>();
        long offset = 0;
        while (true) {
            Page<Member> page = members.list(new MemberQuery(org, null, null, null, offset, 1000));
            all.addAll(page.items());
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return all;
            }
        }
    }
}
