package dev.muster.organization;

import java.util.List;
import java.util.Optional;

/** Storage of organizations. */
public interface Organizations {
    Organization insert(Organization organization);

    Optional<Organization> find(OrganizationId id);

    List<Organization> list();

    /** Writes if the stored version equals {@code organization.version()}; returns it with the next version. */
    Organization update(Organization organization) throws StaleVersion;
}
