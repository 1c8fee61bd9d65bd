package dev.muster.routes;

import dev.muster.onboarding.Onboarding;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Removes members whose removal grace period (after deletion at their source) has passed. */
@Component
class RemovalRoute extends RouteBuilder {
    private final Onboarding onboarding;

    RemovalRoute(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public void configure() {
        from("timer:removal-after-grace?period={{muster.removal.check-interval:60000}}&delay=5000")
                .routeId("removal-after-grace").routeConfigurationId("shared-error-handling")
                .bean(onboarding, "removeDue").id("remove-due")
                .filter(body().isGreaterThan(0))
                .log("removed ${body} member(s) whose grace period passed");
    }
}
