package dev.muster.routes;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Keeps production licenses current: on every tick, each licensed organization's license is fetched, verified
 * and applied. A fetch that fails for a reason that can pass (I/O, 5xx, 429) is redelivered by the shared error
 * handling; a refused document goes to the dead letters at once, and the installed license stays as it was.
 */
@Component
class LicenseSyncRoute extends RouteBuilder {
    static final String SYNC_ORGANIZATION = "direct:license-sync-organization";
    private final LicenseSync sync;

    LicenseSyncRoute(LicenseSync sync) {
        this.sync = sync;
    }

    @Override
    public void configure() {
        from("timer:license-sync?delay={{muster.license.sync.initial-delay:10s}}"
                + "&period={{muster.license.sync.interval}}")
                .routeId("license-sync")
                .routeConfigurationId("shared-error-handling")
                .autoStartup("{{muster.license.sync.enabled:false}}")
                .bean(sync, "organizations").id("list-licensed-organizations")
                .split(body()).to(SYNC_ORGANIZATION).end();

        from(SYNC_ORGANIZATION).routeId("license-sync-organization")
                .routeConfigurationId("shared-error-handling")
                .setProperty("organization", body())
                .bean(sync, "fetch(${exchangeProperty.organization})").id("fetch-license")
                .bean(sync, "apply(${exchangeProperty.organization}, ${body})").id("apply-license")
                .log("license of organization ${exchangeProperty.organization} synced");
    }
}
