package dev.muster.routes.scim;

import dev.muster.onboarding.Onboarding;
import dev.muster.scim.ScimServer;
import dev.muster.scim.ScimStep;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * SCIM 2.0 under {@code /scim/v2/{org}} (bearer authentication happens before, in the servlet filter chain).
 * Reads top to bottom: map the HTTP request at the edge, let the SCIM server plan it, run its batch through the
 * one onboarding service, write the SCIM answer.
 */
@Component
class ScimRoute extends RouteBuilder {
    static final String ENTRY = "direct:onboarding-scim";

    private final ScimServer scim;
    private final Onboarding onboarding;

    ScimRoute(ScimServer scim, Onboarding onboarding) {
        this.scim = scim;
        this.onboarding = onboarding;
    }

    @Override
    public void configure() {
        // Every verb goes to the one route, so the rest routes are not inlined into it.
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off).inlineRoutes(false);
        onException(Exception.class).handled(true).process(new ScimFailure()).id("scim-failure");

        rest("/scim/v2/{org}")
                .get("/Users").to(ENTRY).post("/Users").to(ENTRY).post("/Users/.search").to(ENTRY)
                .get("/Users/{id}").to(ENTRY).put("/Users/{id}").to(ENTRY).patch("/Users/{id}").to(ENTRY)
                .delete("/Users/{id}").to(ENTRY)
                .get("/Groups").to(ENTRY).post("/Groups").to(ENTRY).post("/Groups/.search").to(ENTRY)
                .get("/Groups/{id}").to(ENTRY).put("/Groups/{id}").to(ENTRY).patch("/Groups/{id}").to(ENTRY)
                .delete("/Groups/{id}").to(ENTRY)
                .post("/.search").to(ENTRY)
                .get("/ServiceProviderConfig").to(ENTRY)
                .get("/ResourceTypes").to(ENTRY).get("/ResourceTypes/{id}").to(ENTRY)
                .get("/Schemas").to(ENTRY).get("/Schemas/{id}").to(ENTRY)
                // Anything else under the SCIM root still answers in the SCIM error schema.
                .get("/{endpoint}").to(ENTRY).post("/{endpoint}").to(ENTRY);

        from(ENTRY).routeId("onboarding-scim")
                .process(new ScimRequestMapping("{{muster.scim.max-body-bytes:1048576}}")).id("map-scim-request")
                .bean(scim, "plan").id("plan-scim-request")
                .choice()
                    .when(body().isInstanceOf(ScimStep.Apply.class))
                        .setProperty(ScimCompletion.STEP, body())
                        .setBody(simple("${body.batch}"))
                        .bean(onboarding, "run").id("onboard-scim-batch")
                        .process(new ScimCompletion()).id("complete-scim-answer")
                    .otherwise()
                        .setBody(simple("${body.response}"))
                .end()
                .process(new ScimResponseWriting()).id("write-scim-response");
    }
}
