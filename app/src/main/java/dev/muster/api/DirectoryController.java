package dev.muster.api;

import dev.muster.directory.DirectoryConfigurations;
import dev.muster.directory.DirectorySyncRequests;
import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.ldap.DirectoryConnection;
import dev.muster.ldap.DirectoryMapping;
import dev.muster.ldap.DirectoryPreset;
import dev.muster.ldap.DirectorySync;
import dev.muster.ldap.DirectoryTestResult;
import dev.muster.ldap.SyncResult;
import dev.muster.onboarding.RunId;
import dev.muster.organization.OrganizationId;
import dev.muster.routes.DirectorySchedules;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * An organization's directory sync: its configuration (the bind password is write-only), a connection test,
 * a sync or dry run through the {@code onboarding-ldap} route, and approval of runs held by a safety threshold.
 */
@RestController
@RequestMapping("/api/organizations/{org}")
class DirectoryController {
    private final KnownOrganization known;
    private final DirectoryConfigurations store;
    private final DirectorySync sync;
    private final DirectorySyncRequests requests;

    DirectoryController(KnownOrganization known, DirectoryConfigurations store, DirectorySync sync,
                        DirectorySyncRequests requests) {
        this.known = known;
        this.store = store;
        this.sync = sync;
        this.requests = requests;
    }

    @PutMapping("/directory")
    DirectoryBodies.View put(@PathVariable String org, @RequestBody DirectoryBodies.Configuration body) {
        OrganizationId id = known.resolve(org);
        DirectoryConfiguration configuration = body.toConfiguration(store.passwordStored(id));
        DirectorySchedules.requireValidCron(configuration.schedule());
        store.save(id, configuration);
        return DirectoryBodies.View.of(configuration, store.passwordStored(id));
    }

    @GetMapping("/directory")
    DirectoryBodies.View get(@PathVariable String org) {
        OrganizationId id = known.resolve(org);
        return store.find(id).map(c -> DirectoryBodies.View.of(c, store.passwordStored(id)))
                .orElseThrow(() -> ApiProblems.Refused.notFound("a directory configuration of organization " + org));
    }

    @PostMapping("/directory/test")
    DirectoryTestResult test(@PathVariable String org) {
        OrganizationId id = known.resolve(org);
        return DirectorySync.test(configured(id, org));
    }

    @PostMapping("/directory/sync")
    SyncView sync(@PathVariable String org, @RequestParam(defaultValue = "true") boolean dryRun,
                    @RequestParam(defaultValue = "false") boolean full) {
        OrganizationId id = known.resolve(org);
        configured(id, org);
        try {
            return SyncView.of(requests.sync(id, dryRun, full,
                    "POST /directory/sync?dryRun=" + dryRun + "&full=" + full));
        } catch (DirectorySync.AlreadyRunning running) {
            throw new ApiProblems.Refused(HttpStatus.CONFLICT, "sync-running", running.getMessage());
        }
    }

    @PostMapping("/runs/{run}/approve")
    SyncView approve(@PathVariable String org, @PathVariable String run) {
        OrganizationId id = known.resolve(org);
        try {
            return SyncView.of(sync.approve(id, RunId.of(run)));
        } catch (DirectorySync.NoHeldPlan e) {
            throw new ApiProblems.Refused(HttpStatus.CONFLICT, "not-awaiting-approval", e.getMessage());
        } catch (DirectorySync.NotConfigured e) {
            throw new ApiProblems.Refused(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
        } catch (DirectorySync.AlreadyRunning e) {
            throw new ApiProblems.Refused(HttpStatus.CONFLICT, "sync-running", e.getMessage());
        }
    }

    @PostMapping("/runs/{run}/reject")
    Map<String, String> reject(@PathVariable String org, @PathVariable String run) {
        OrganizationId id = known.resolve(org);
        try {
            sync.reject(id, RunId.of(run));
            return Map.of("run", run, "state", "REJECTED");
        } catch (DirectorySync.NoHeldPlan e) {
            throw new ApiProblems.Refused(HttpStatus.CONFLICT, "not-awaiting-approval", e.getMessage());
        }
    }

    /** A sync as the API shows it. */
    record SyncView(String run, String state, boolean full, Map<String, Integer> counts, String error) {
        static SyncView of(SyncResult result) {
            return new SyncView(result.run().toString(), result.state().name(), result.full(), result.counts(),
                    result.error());
        }
    }

    private DirectoryConfiguration configured(OrganizationId id, String org) {
        return store.find(id).orElseThrow(() -> ApiProblems.Refused.notFound(
                "a directory configuration of organization " + org));
    }

    static DirectoryConnection.Security security(String text) {
        if (text == null || text.isBlank()) {
            return DirectoryConnection.Security.PLAIN;
        }
        for (DirectoryConnection.Security s : DirectoryConnection.Security.values()) {
            if (s.name().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("connection.security must be plain, ldaps or starttls, not " + text);
    }

    static DirectoryMapping mapping(String preset, DirectoryBodies.Mapping m) {
        if (preset == null || preset.isBlank()) {
            throw new IllegalArgumentException("preset is required: active-directory, openldap or freeipa");
        }
        if (m == null || m.baseDn() == null || m.baseDn().isBlank()) {
            throw new IllegalArgumentException("mapping.baseDn is required");
        }
        return new DirectoryMapping(DirectoryPreset.of(preset), m.baseDn(), m.userBase(), m.userFilter(),
                m.groupBase(), m.groupFilter(), m.idAttribute(), m.emailAttribute(), m.emailPrefixAttribute(),
                m.emailSuffix(), m.givenNameAttribute(), m.familyNameAttribute(), m.displayNameAttribute(),
                m.extraAttributes(), m.groupNameAttribute(), m.memberAttribute(), m.memberUidAttribute(),
                m.uidAttribute(), m.disabledAttribute(), m.disabledValue(), m.changeAttribute());
    }
}
