package dev.muster.web;

import dev.muster.directory.DirectorySyncRequests;
import dev.muster.ldap.DirectorySync;
import dev.muster.ldap.SyncResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Runs;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Directory syncs for the pages: started through {@link DirectorySyncRequests} as the API starts them, and the
 * runs that wait for an admin's approval.
 */
@Component
class DirectoryRuns {
    /** How far back in the run history the directory page looks for runs awaiting approval. */
    static final int LOOK_BACK = 200;

    private final DirectorySyncRequests requests;
    private final Runs runs;

    DirectoryRuns(DirectorySyncRequests requests, Runs runs) {
        this.requests = requests;
        this.runs = runs;
    }

    /** @throws DirectorySync.AlreadyRunning when a sync of the organization is running */
    SyncResult sync(OrganizationId organization, boolean dryRun) {
        return requests.sync(organization, dryRun, false, (dryRun ? "dry run" : "sync") + " from the admin pages");
    }

    List<Run> awaitingApproval(OrganizationId organization) {
        return runs.page(organization, 0, LOOK_BACK).items().stream()
                .filter(r -> r.source() == Source.DIRECTORY && r.state() == RunState.AWAITING_APPROVAL).toList();
    }
}
