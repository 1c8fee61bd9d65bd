package dev.muster.routes.scim;

import dev.muster.scim.ScimResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Writes the SCIM answer as the HTTP response. Every request header is dropped first, so nothing the client sent
 * (its Authorization header included) is echoed back.
 */
final class ScimResponseWriting implements Processor {

    @Override
    public void process(Exchange exchange) {
        write(exchange.getMessage(), exchange.getMessage().getBody(ScimResponse.class));
    }

    static void write(Message message, ScimResponse response) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        response.headers().forEach(message::setHeader);
        if (response.body() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, ScimResponse.MEDIA_TYPE);
            message.setBody(response.body());
        } else {
            message.setBody(null);
        }
    }
}
