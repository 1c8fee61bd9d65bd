package dev.muster.directory;

import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.organization.OrganizationId;

import java.util.Optional;

/** Directory configurations as the API edits them. */
public interface DirectoryConfigurations {
    Optional<DirectoryConfiguration> find(OrganizationId organization);

    /** Whether a bind password is stored: the API reports it, never the password. */
    boolean passwordStored(OrganizationId organization);

    /** Stores the configuration (a {@code null} bind password keeps the stored one) and reschedules its sync. */
    void save(OrganizationId organization, DirectoryConfiguration configuration);
}
