package dev.muster.readiness;

import dev.muster.readiness.ReadinessRule.Finding;

/** Step 4: collections hold items and are reachable, groups are assigned, roles are reviewed. */
final class SharedDataRules {
    private SharedDataRules() {
    }

    static final ReadinessRule COLLECTIONS = new ReadinessRule("collections-imported", 4,
            "Collections imported and reachable", false, SharedDataRules::collections);

    static final ReadinessRule GROUPS = new ReadinessRule("groups-assigned", 4,
            "Groups assigned to collections", false, SharedDataRules::groups);

    static final ReadinessRule OWNERS = new ReadinessRule("owners", 4, "Owners reviewed", true, f -> {
        long owners = f.roles().confirmedOwners();
        String fix = "PUT " + f.api() + "/members/{id}/role {\"role\":\"OWNER\"} for a second owner";
        return owners == 0 ? Finding.fail("the organization has no confirmed owner", fix)
                : owners == 1 ? Finding.warn("only one confirmed owner: nobody can recover the organization if "
                + "that person leaves", fix)
                : Finding.pass(owners + " confirmed owners");
    });

    static final ReadinessRule ADMINS = new ReadinessRule("admins", 4, "Admins and custom admin roles defined",
            false, f -> f.roles().admins() + f.roles().customMembers() > 0
            ? Finding.pass(f.roles().admins() + " admins, " + f.roles().customMembers() + " custom-role members")
            : Finding.warn("no admins and no custom admin roles: every administration task falls to the owners",
            "PUT " + f.api() + "/members/{id}/role {\"role\":\"CUSTOM\",\"permissions\":[...]}"));

    static final ReadinessRule ROLES_FROM_RULES = new ReadinessRule("roles-reviewed", 4,
            "Member roles come from rules or an admin", false, f -> f.roles().membersWithoutRule() == 0
            ? Finding.pass("every member's role came from a rule or an admin")
            : Finding.warn(f.roles().membersWithoutRule() + " members have a role no rule gave them",
            "GET " + f.api() + "/reports/roles, then add role rules or set the roles by hand"));

    private static Finding collections(ReadinessFacts f) {
        var shared = f.shared();
        String fix = "POST " + f.api() + "/import (collections and groups as JSON)";
        if (shared.collections() == 0) {
            return Finding.warn("the organization has no collections yet", fix);
        }
        if (!shared.collectionsWithoutAccess().isEmpty()) {
            return Finding.warn("collections nobody can reach: " + String.join(", ",
                    shared.collectionsWithoutAccess()), "grant a group access: " + fix);
        }
        return Finding.pass(shared.collections() + " collections, each reachable by a member or group");
    }

    private static Finding groups(ReadinessFacts f) {
        var shared = f.shared();
        String fix = "POST " + f.api() + "/import with group access, or grant access per collection";
        if (shared.groups() == 0) {
            return Finding.warn("the organization has no groups: access is granted member by member", fix);
        }
        if (!shared.groupsWithoutCollections().isEmpty()) {
            return Finding.warn("groups without collections: " + String.join(", ",
                    shared.groupsWithoutCollections()), fix);
        }
        return Finding.pass(shared.groups() + " groups, each with access to collections");
    }
}
