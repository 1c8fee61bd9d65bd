package dev.muster.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Resolves group members to people: member DNs naming people, member DNs naming nested groups (whose people are
 * members too, however deep, with cycles cut), and {@code memberUid} values naming people by uid.
 */
final class GroupFlattening {
    private final Map<DN, DirectoryPerson> peopleByDn = new HashMap<>();
    private final Map<String, DirectoryPerson> peopleByUid = new HashMap<>();
    private final Map<DN, EntryMapping.RawGroup> groupsByDn = new HashMap<>();
    private final List<String> warnings;

    GroupFlattening(List<DirectoryPerson> people, List<EntryMapping.RawGroup> groups, List<String> warnings) {
        this.warnings = warnings;
        for (DirectoryPerson person : people) {
            dn(person.dn()).ifPresent(dn -> peopleByDn.put(dn, person));
            if (person.uid() != null) {
                peopleByUid.put(EntryMapping.lower(person.uid()), person);
            }
        }
        for (EntryMapping.RawGroup group : groups) {
            dn(group.dn()).ifPresent(dn -> groupsByDn.put(dn, group));
        }
    }

    DirectoryGroup flatten(EntryMapping.RawGroup group) {
        var members = new LinkedHashSet<String>();
        var visited = new HashSet<DN>();
        var pending = new ArrayDeque<EntryMapping.RawGroup>();
        pending.push(group);
        while (!pending.isEmpty()) {
            EntryMapping.RawGroup current = pending.pop();
            if (!dn(current.dn()).map(visited::add).orElse(false)) {
                continue; // already expanded: a cycle or a diamond
            }
            for (String memberDn : current.memberDns()) {
                var dn = dn(memberDn);
                if (dn.isEmpty()) {
                    warnings.add("group " + current.dn() + " has a member that is not a DN: " + memberDn);
                } else if (peopleByDn.containsKey(dn.get())) {
                    members.add(peopleByDn.get(dn.get()).sourceId());
                } else if (groupsByDn.containsKey(dn.get())) {
                    pending.push(groupsByDn.get(dn.get()));
                } else if (current == group) {
                    warnings.add("group " + current.dn() + " has member " + memberDn
                            + ", which is not among the people or groups read");
                }
            }
            for (String uid : current.memberUids()) {
                DirectoryPerson person = peopleByUid.get(EntryMapping.lower(uid));
                if (person != null) {
                    members.add(person.sourceId());
                } else if (current == group) {
                    warnings.add("group " + current.dn() + " has memberUid " + uid + ", which no person read has");
                }
            }
        }
        return new DirectoryGroup(group.sourceId(), group.dn(), group.name(), members);
    }

    private java.util.Optional<DN> dn(String text) {
        try {
            return java.util.Optional.of(new DN(text));
        } catch (LDAPException e) {
            return java.util.Optional.empty();
        }
    }
}
