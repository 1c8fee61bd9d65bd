package dev.muster.directory;

import dev.muster.ldap.DirectorySync;
import dev.muster.ldap.SyncResult;
import dev.muster.organization.OrganizationId;
import dev.muster.readiness.BulkOnboardingRefused;
import dev.muster.routes.DirectorySyncRoute;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Starts a directory sync or dry run on demand through the {@code onboarding-ldap} route, as the schedule does:
 * the JSON API and the admin pages both ask here.
 */
@Component
public class DirectorySyncRequests {
    private final ProducerTemplate camel;

    DirectorySyncRequests(ProducerTemplate camel) {
        this.camel = camel;
    }

    /**
     * @param trigger what started it, in words for the run history
     * @throws DirectorySync.AlreadyRunning when a sync of the organization is running
     * @throws BulkOnboardingRefused when the readiness gate refuses the sync
     */
    public SyncResult sync(OrganizationId organization, boolean dryRun, boolean full, String trigger) {
        try {
            return camel.requestBodyAndHeaders(DirectorySyncRoute.ENDPOINT, null, Map.of(
                    DirectorySyncRoute.ORGANIZATION, organization, DirectorySyncRoute.DRY_RUN, dryRun,
                    DirectorySyncRoute.FULL, full, DirectorySyncRoute.TRIGGER, trigger), SyncResult.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof DirectorySync.AlreadyRunning running) {
                throw running;
            }
            if (e.getCause() instanceof BulkOnboardingRefused refused) {
                throw refused; // the readiness gate: the API answers 409 with the failing items
            }
            throw e;
        }
    }
}
