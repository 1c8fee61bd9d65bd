package dev.muster.organization;

import java.util.Objects;

/** A member's membership of a group, tagged with who created it. */
public record GroupMembership(GroupId groupId, MemberId memberId, Origin origin) {
    public GroupMembership {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(origin, "origin");
    }
}
