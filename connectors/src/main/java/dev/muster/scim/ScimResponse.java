package dev.muster.scim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server answers: a status, headers ({@code ETag}, {@code Location}, {@code Retry-After}) and a SCIM JSON
 * body, or none (204, 304).
 */
public record ScimResponse(int status, Map<String, String> headers, String body) {
    public static final String MEDIA_TYPE = "application/scim+json";

    public ScimResponse {
        headers = headers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(headers));
    }

    static ScimResponse json(int status, String body) {
        return new ScimResponse(status, Map.of(), body);
    }

    static ScimResponse empty(int status) {
        return new ScimResponse(status, Map.of(), null);
    }

    ScimResponse withHeader(String name, String value) {
        var next = new LinkedHashMap<>(headers);
        if (value != null) {
            next.put(name, value);
        }
        return new ScimResponse(status, next, body);
    }
}
