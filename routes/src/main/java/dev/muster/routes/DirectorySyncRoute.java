package dev.muster.routes;

import dev.muster.ldap.DirectorySync;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The LDAP / Active Directory onboarding path: a sync of one organization, fired by its Quartz schedule
 * ({@link DirectorySchedules}) or by the sync endpoint. The body ends as the {@link dev.muster.ldap.SyncResult}.
 */
@Component
public class DirectorySyncRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:onboarding-ldap";
    /** The {@link dev.muster.organization.OrganizationId} to sync. */
    public static final String ORGANIZATION = "musterOrganization";
    public static final String DRY_RUN = "musterDryRun";
    /** {@code true} forces a full reconciliation; otherwise the configured interval decides. */
    public static final String FULL = "musterFull";
    public static final String TRIGGER = "musterTrigger";

    private final DirectorySync sync;

    public DirectorySyncRoute(DirectorySync sync) {
        this.sync = sync;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("onboarding-ldap")
                .bean(sync, "sync(${header." + ORGANIZATION + "}, ${header." + DRY_RUN + "}, ${header." + FULL
                        + "}, ${header." + TRIGGER + "})").id("directory-sync")
                .log("directory sync of ${header." + ORGANIZATION + "} (${header." + TRIGGER + "}): "
                        + "run ${body.run} ${body.state} ${body.counts}").id("report");
    }
}
