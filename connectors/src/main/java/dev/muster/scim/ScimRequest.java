package dev.muster.scim;

import java.util.Map;
import java.util.Objects;

/**
 * One SCIM request as it reached the server, free of any web framework.
 *
 * @param path the part after {@code /scim/v2/{org}}, e.g. {@code /Users/42} or {@code /.search}
 * @param query the query parameters (first value of each)
 * @param body the request body as text, {@code null} or empty when none was sent
 * @param baseUrl the absolute URL of this organization's SCIM root, for {@code meta.location}
 * @param actor the name of the SCIM token that authenticated the request (audit actor)
 */
public record ScimRequest(String method, String organizationId, String path, Map<String, String> query,
                          String body, String contentType, String ifMatch, String ifNoneMatch, String baseUrl,
                          String actor) {
    /**
     * The header that carries the authenticated SCIM token's name from the authentication filter to the route;
     * the filter drops any copy a client sends.
     */
    public static final String ACTOR_HEADER = "X-Muster-Scim-Actor";

    public ScimRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(organizationId, "organizationId");
        path = path == null || path.isEmpty() ? "/" : path;
        query = query == null ? Map.of() : Map.copyOf(query);
        Objects.requireNonNull(baseUrl, "baseUrl");
        actor = actor == null || actor.isBlank() ? "SCIM" : actor;
    }

    boolean hasBody() {
        return body != null && !body.isBlank();
    }

    String param(String name) {
        for (Map.Entry<String, String> entry : query.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue() == null || entry.getValue().isBlank() ? null : entry.getValue();
            }
        }
        return null;
    }
}
