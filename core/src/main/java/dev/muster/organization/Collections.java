package dev.muster.organization;

import java.util.List;
import java.util.Optional;

/** Storage of collections and the access granted to them. */
public interface Collections {
    Optional<Collection> find(OrganizationId organization, CollectionId id);

    /** Finds by name ignoring case. */
    Optional<Collection> findByName(OrganizationId organization, String name);

    Collection insert(Collection collection);

    void delete(OrganizationId organization, CollectionId id);

    List<Collection> list(OrganizationId organization);

    List<CollectionGrant> grants(OrganizationId organization, CollectionId collection);

    List<CollectionGrant> grantsOf(OrganizationId organization, Grantee grantee);

    /** Sets the grant of that collection, grantee and origin to the given level (insert or update). */
    void grant(OrganizationId organization, CollectionGrant grant);

    /** Removes the grant of that collection, grantee and origin. */
    void revoke(OrganizationId organization, CollectionGrant grant);
}
