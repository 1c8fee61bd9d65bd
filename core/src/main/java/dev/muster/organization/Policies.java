package dev.muster.organization;

import java.util.List;
import java.util.Optional;

/** Storage of an organization's policies; a policy never saved is disabled. */
public interface Policies {
    Optional<Policy> find(OrganizationId organization, PolicyType type);

    List<Policy> list(OrganizationId organization);

    void save(Policy policy);
}
