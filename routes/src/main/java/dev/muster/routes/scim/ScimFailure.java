package dev.muster.routes.scim;

import dev.muster.routes.SharedErrorHandling;
import dev.muster.scim.ScimServer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fault while answering a SCIM request: the identity provider gets the SCIM error schema, 413 for a body
 * too large, 503 with {@code Retry-After} when retrying can help (it retries on its own), else 500. SCIM is a
 * synchronous protocol, so there is no dead letter here: the provider holds the request and retries it.
 */
final class ScimFailure implements Processor {
    private static final Logger log = LoggerFactory.getLogger(ScimFailure.class);

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof ScimRequestMapping.BodyTooLarge tooLarge) {
            ScimResponseWriting.write(exchange.getMessage(), ScimServer.error(413, null, tooLarge.getMessage()));
            return;
        }
        boolean retryable = SharedErrorHandling.isRetryable(failure);
        log.warn("SCIM request failed{}", retryable ? " (retryable)" : "", failure);
        var response = retryable
                ? ScimServer.error(503, null, "temporarily unavailable: " + failure.getMessage())
                : ScimServer.error(500, null, "internal error: " + (failure == null ? "unknown"
                : failure.getClass().getSimpleName()));
        ScimResponseWriting.write(exchange.getMessage(), retryable
                ? new dev.muster.scim.ScimResponse(503, java.util.Map.of("Retry-After", "1"), response.body())
                : response);
    }
}
