package dev.muster.demo;

import dev.muster.directory.DirectoryConfigurations;
import dev.muster.ldap.DemoDirectoryServer;
import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.ldap.DirectoryConnection;
import dev.muster.ldap.DirectoryMapping;
import dev.muster.ldap.DirectoryPreset;
import dev.muster.ldap.DirectorySync;
import dev.muster.ldap.SyncResult;
import dev.muster.onboarding.Batch;
import dev.muster.organization.Organization;
import dev.muster.organization.Organizations;
import dev.muster.security.TokenHash;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves {@code samples/directory.ldif} from an in-process directory on a local port and points the demo
 * organization's directory sync at it (staging people, every minute), then plans a dry run at once so that the
 * plan is in the run history as soon as Muster is up. A fresh bind password is made on every start.
 */
@Component
@ConditionalOnProperty(name = {"muster.demo.enabled", "muster.demo.directory.enabled"}, havingValue = "true",
        matchIfMissing = true)
class DemoDirectory {
    static final String BASE = "dc=demo,dc=example";
    static final String BIND_DN = "cn=muster-demo," + BASE;
    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private final Organizations organizations;
    private final DirectoryConfigurations configurations;
    private final DirectorySync sync;
    private final ResourceLoader resources;
    private final DemoDirectoryProperties properties;
    private DemoDirectoryServer server;

    DemoDirectory(Organizations organizations, DirectoryConfigurations configurations, DirectorySync sync,
                  ResourceLoader resources, DemoDirectoryProperties properties) {
        this.organizations = organizations;
        this.configurations = configurations;
        this.sync = sync;
        this.resources = resources;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void serveAndPlan() {
        Optional<Organization> demo = organizations.list().stream()
                .filter(o -> o.name().equals(DemoOrganization.NAME)).findFirst();
        if (demo.isEmpty()) {
            return;
        }
        var existing = configurations.find(demo.get().id());
        if (existing.isPresent() && !BIND_DN.equals(existing.get().connection().bindDn())) {
            log.info("the demo organization syncs from a directory of its own; the demo directory is not started");
            return;
        }
        String password = TokenHash.newToken("demo_");
        try (InputStream ldif = resources.getResource(properties.ldif()).getInputStream()) {
            server = DemoDirectoryServer.start(BASE, ldif, BIND_DN, password, properties.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the demo directory from " + properties.ldif(), e);
        }
        var connection = new DirectoryConnection("127.0.0.1", server.port(), DirectoryConnection.Security.PLAIN, null,
                false, BIND_DN, password, null, null, 100);
        var mapping = new DirectoryMapping(DirectoryPreset.OPENLDAP, BASE, "ou=people", null, "ou=groups", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        configurations.save(demo.get().id(), new DirectoryConfiguration(connection, mapping, true,
                properties.schedule(), Batch.NewMembers.STAGE, 10, 5.0, null, null));
        SyncResult plan = sync.sync(demo.get().id(), true, true, "demo start: what a sync would do");
        log.info("demo directory on ldap://127.0.0.1:{} ({}); dry-run plan is run {}: {}", server.port(),
                BASE, plan.run(), plan.counts());
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.close();
        }
    }
}
