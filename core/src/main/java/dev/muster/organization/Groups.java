package dev.muster.organization;

import java.util.List;
import java.util.Optional;

/** Storage of groups and group memberships. */
public interface Groups {
    Optional<Group> find(OrganizationId organization, GroupId id);

    Optional<Group> findByIdentity(OrganizationId organization, ExternalIdentity identity);

    /** Finds by name ignoring case. */
    Optional<Group> findByName(OrganizationId organization, String name);

    Group insert(Group group);

    Group update(Group group) throws StaleVersion;

    /** Deletes the group with its memberships and grants. */
    void delete(OrganizationId organization, GroupId id);

    List<Group> list(OrganizationId organization);

    List<GroupMembership> memberships(OrganizationId organization, GroupId group);

    List<GroupMembership> membershipsOf(OrganizationId organization, MemberId member);

    /** Adds the membership; adding one that exists with the same origin changes nothing. */
    void addMembership(OrganizationId organization, GroupMembership membership);

    /** Adds each membership as {@link #addMembership} does; storage may send them together. */
    default void addMemberships(OrganizationId organization, java.util.Collection<GroupMembership> memberships) {
        memberships.forEach(m -> addMembership(organization, m));
    }

    void removeMembership(OrganizationId organization, GroupMembership membership);
}
