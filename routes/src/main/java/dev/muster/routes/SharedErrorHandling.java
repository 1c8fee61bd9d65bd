package dev.muster.routes;

import dev.muster.onboarding.Retryable;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error handling every route shares: faults that say retrying can help are redelivered with exponential
 * backoff; the rest are handled at once. Exhausted messages reach the dead-letter route with the original
 * message and the failure reason.
 */
@Component
public class SharedErrorHandling extends RouteConfigurationBuilder {
    public static final String DEAD_LETTER = "direct:dead-letter";

    @Override
    public void configuration() {
        routeConfiguration("shared-error-handling")
                .onException(Exception.class)
                .onWhen(exchange -> isRetryable(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                .maximumRedeliveries("{{muster.routes.max-redeliveries:4}}")
                .redeliveryDelay("{{muster.routes.redelivery-delay:500}}")
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .useOriginalMessage()
                .handled(true)
                .to(DEAD_LETTER)
                .end()
                .onException(Exception.class)
                .useOriginalMessage()
                .handled(true)
                .to(DEAD_LETTER)
                .end();
    }

    /** Whether the fault, or any cause, says retrying can help. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Retryable r) {
                return r.retryable();
            }
            if (t instanceof dev.muster.organization.StaleVersion) {
                return true;
            }
        }
        return false;
    }
}
