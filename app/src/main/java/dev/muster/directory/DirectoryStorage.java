package dev.muster.directory;

import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.organization.OrganizationId;
import dev.muster.routes.DirectorySchedules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Saving a configuration stores it and replaces the organization's schedule. */
@Component
class DirectoryStorage implements DirectoryConfigurations {
    private final JdbcDirectories directories;
    private final DirectorySchedules schedules;

    DirectoryStorage(JdbcDirectories directories, DirectorySchedules schedules) {
        this.directories = directories;
        this.schedules = schedules;
    }

    @Override
    public Optional<DirectoryConfiguration> find(OrganizationId organization) {
        return directories.configuration(organization);
    }

    @Override
    public boolean passwordStored(OrganizationId organization) {
        return directories.hasPassword(organization);
    }

    @Override
    @Transactional
    public void save(OrganizationId organization, DirectoryConfiguration configuration) {
        directories.save(organization, configuration);
        schedules.apply(organization, directories.configuration(organization).orElseThrow());
    }
}
