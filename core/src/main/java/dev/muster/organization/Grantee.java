package dev.muster.organization;

/** Who a collection grant is given to: a member directly or a group. */
public sealed interface Grantee {
    record OfMember(MemberId memberId) implements Grantee {
    }

    record OfGroup(GroupId groupId) implements Grantee {
    }
}
