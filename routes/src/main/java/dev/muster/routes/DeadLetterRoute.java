package dev.muster.routes;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Keeps every exhausted message with its failure reason. */
@Component
class DeadLetterRoute extends RouteBuilder {
    private final DeadLetters deadLetters;

    DeadLetterRoute(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure() {
        from(SharedErrorHandling.DEAD_LETTER).routeId("dead-letter")
                .process(this::stamp).id("stamp-failure")
                .log("dead letter from route ${header.MusterFailedRoute}: ${header.MusterFailure}")
                .bean(deadLetters, "store(${header.MusterFailedRoute}, ${bodyAs(String)}, ${header.MusterFailure})")
                .id("store-dead-letter");
    }

    private void stamp(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.getIn().setHeader("MusterFailure", failure == null ? "unknown"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        exchange.getIn().setHeader("MusterFailedRoute", exchange.getFromRouteId());
    }
}
