package dev.muster.routes.scim;

import dev.muster.scim.ScimRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the HTTP request at the edge into a {@link ScimRequest}. A body over the configured maximum (sent chunked,
 * so the servlet filter could not see its length) is answered 413 here.
 */
final class ScimRequestMapping implements Processor {
    private static final String PREFIX = "/scim/v2/";

    private final String maxBodyBytes;

    ScimRequestMapping(String maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        String path = uri.substring(uri.indexOf(PREFIX) + PREFIX.length());
        int slash = path.indexOf('/');
        String organization = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "/" : path.substring(slash);
        String body = in.getBody(String.class);
        int limit = Integer.parseInt(exchange.getContext().resolvePropertyPlaceholders(maxBodyBytes));
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new BodyTooLarge(limit);
        }
        // The bearer token has done its work in the authentication filter; it goes no further.
        in.removeHeader("Authorization");
        in.setBody(new ScimRequest(in.getHeader(Exchange.HTTP_METHOD, String.class), organization, rest,
                query(in.getHeader(Exchange.HTTP_QUERY, String.class)), body,
                in.getHeader(Exchange.CONTENT_TYPE, String.class), in.getHeader("If-Match", String.class),
                in.getHeader("If-None-Match", String.class), baseUrl(in, uri, organization),
                in.getHeader(ScimRequest.ACTOR_HEADER, String.class)));
    }

    private static String baseUrl(Message in, String uri, String organization) {
        String url = in.getHeader(Exchange.HTTP_URL, String.class);
        String root = PREFIX + organization;
        if (url != null && url.contains(root)) {
            return url.substring(0, url.indexOf(root) + root.length());
        }
        String host = in.getHeader("Host", String.class);
        return (host == null ? "" : "http://" + host) + uri.substring(0, uri.indexOf(root) + root.length());
    }

    static Map<String, String> query(String raw) {
        var query = new HashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    /** The body is larger than the configured maximum. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(int limit) {
            super("the request body is larger than " + limit + " bytes", null, false, false);
        }
    }
}
