package dev.muster.routes.scim;

import dev.muster.onboarding.BatchResult;
import dev.muster.scim.ScimStep;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Hands the onboarding run's result to the planned step, which answers with the SCIM response. */
final class ScimCompletion implements Processor {
    static final String STEP = "MusterScimStep";

    @Override
    public void process(Exchange exchange) {
        ScimStep.Apply step = exchange.getProperty(STEP, ScimStep.Apply.class);
        exchange.getIn().setBody(step.complete(exchange.getIn().getBody(BatchResult.class)));
    }
}
