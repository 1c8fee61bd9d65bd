package dev.muster.web;

import dev.muster.ldap.DirectorySync;
import dev.muster.ldap.SyncResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Runs;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Source;
import dev.muster.routes.DirectorySyncRoute;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Directory syncs for the pages: started through the {@code onboarding-ldap} route as the API starts them, and the
 * runs that wait for an admin's approval.
 */
@Component
class DirectoryRuns {
    /** How far back in the run history the directory page looks for runs awaiting approval. */
    static final int LOOK_BACK = 200;

    private final ProducerTemplate camel;
    private final Runs runs;

    DirectoryRuns(ProducerTemplate camel, Runs runs) {
        this.camel = camel;
        this.runs = runs;
    }

    /** @throws DirectorySync.AlreadyRunning when a sync of the organization is running */
    SyncResult sync(OrganizationId organization, boolean dryRun) {
        try {
            return camel.requestBodyAndHeaders(DirectorySyncRoute.ENDPOINT, null, Map.of(
                    DirectorySyncRoute.ORGANIZATION, organization, DirectorySyncRoute.DRY_RUN, dryRun,
                    DirectorySyncRoute.FULL, false, DirectorySyncRoute.TRIGGER,
                    (dryRun ? "dry run" : "sync") + " from the admin pages"), SyncResult.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof DirectorySync.AlreadyRunning running) {
                throw running;
            }
            throw e;
        }
    }

    List<Run> awaitingApproval(OrganizationId organization) {
        return runs.page(organization, 0, LOOK_BACK).items().stream()
                .filter(r -> r.source() == Source.DIRECTORY && r.state() == RunState.AWAITING_APPROVAL).toList();
    }
}
