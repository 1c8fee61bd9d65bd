package dev.muster.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * SCIM path over HTTP with a SCIM bearer token: creates with 1 and with 16 clients, then at that size userName
 * lookups (hit and miss), deep list pages and PATCH deactivations, beside the cheapest authenticated endpoint
 * ({@code GET /ServiceProviderConfig}: token check and a constant answer) as the floor.
 */
final class ScimBench {
    static final int CLIENTS = 16;
    private static final String SCIM_JSON = "application/scim+json";

    private final Api api;
    private final MusterProcess muster;
    private final Results results;

    ScimBench(Api api, MusterProcess muster, Results results) {
        this.api = api;
        this.muster = muster;
        this.results = results;
    }

    void run(int n, int pages, Path work) throws Exception {
        String org = api.createOrganization("SCIM bench " + n);
        String token = api.ok("POST", "/api/organizations/" + org + "/scim-tokens",
                Map.of("name", "bench", "provider", "generic")).path("token").asText();
        URI base = muster.base().resolve("/scim/v2/" + org + "/");
        int single = Math.max(1, n / 10);
        var ids = new AtomicReferenceArray<String>(n);

        // Not measured: the first requests of a fresh JVM run interpreted code, which only says how fast the JIT is.
        Load.run(2_000, CLIENTS, i -> new Load.Call(get(base, "ServiceProviderConfig", token), 200, null));
        phase("SCIM floor: GET /ServiceProviderConfig, 1 client", n, 2_000, 1,
                i -> new Load.Call(get(base, "ServiceProviderConfig", token), 200, null));
        phase("SCIM floor: GET /ServiceProviderConfig, 16 clients", n, 4_000, CLIENTS,
                i -> new Load.Call(get(base, "ServiceProviderConfig", token), 200, null));
        phase("SCIM create, 1 client", single, single, 1, i -> create(base, token, i, ids));
        phase("SCIM create, 16 clients", n - single, n - single, CLIENTS, i -> create(base, token, single + i, ids));

        var random = new Random(42);
        int lookups = Math.min(2_000, n);
        int[] picks = random.ints(lookups, 0, n).toArray();
        phase("SCIM userName eq (hit), 1 client", n, lookups, 1, i -> new Load.Call(get(base, "Users?filter="
                + encode("userName eq \"" + userName(picks[i]) + "\""), token), 200, body -> expectTotal(body, 1)));
        phase("SCIM userName eq (miss), 1 client", n, lookups, 1, i -> new Load.Call(get(base, "Users?filter="
                + encode("userName eq \"nobody-" + i + "@bench.example\""), token), 200, body -> expectTotal(body, 0)));
        int[] starts = random.ints(pages, n / 2, Math.max(n / 2 + 1, n - 100)).toArray();
        phase("SCIM list page count=100 at startIndex ≥ N/2, 1 client", n, pages, 1, i -> new Load.Call(
                get(base, "Users?startIndex=" + (starts[i] + 1) + "&count=100", token), 200, null));
        phase("SCIM list page count=100 at startIndex 1, 1 client", n, pages, 1, i -> new Load.Call(
                get(base, "Users?startIndex=1&count=100", token), 200, null));
        int patches = Math.min(1_000, n);
        phase("SCIM PATCH active=false, 1 client", n, patches, 1, i -> new Load.Call(patch(base, token,
                ids.get(i * (n / patches))), 200, null));
    }

    private void phase(String what, int n, int requests, int clients, java.util.function.IntFunction<Load.Call> call)
            throws Exception {
        try (var memory = new MemoryWatch(muster.pid(), muster.base())) {
            Load.Figures figures = Load.run(requests, clients, call);
            results.row(what, n, figures.describe(), "", "", "", String.format("%,d requests in %s",
                    requests, Results.seconds(figures.took())) + (figures.firstError() == null ? ""
                    : "; first error: " + figures.firstError()) + "; " + memory.peak().describe());
        }
    }

    private static Load.Call create(URI base, String token, int i, AtomicReferenceArray<String> ids) {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName(i)
                + "\",\"name\":{\"givenName\":\"Person\",\"familyName\":\"" + i + "\"},\"displayName\":\"Person " + i
                + "\",\"emails\":[{\"value\":\"" + userName(i) + "\",\"type\":\"work\",\"primary\":true}],"
                + "\"active\":true}";
        var request = HttpRequest.newBuilder(base.resolve("Users")).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Content-Type", SCIM_JSON)
                .header("Accept", SCIM_JSON).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return new Load.Call(request, 201, answer -> ids.set(i, read(answer).path("id").asText()));
    }

    private static HttpRequest patch(URI base, String token, String id) {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}";
        return HttpRequest.newBuilder(base.resolve("Users/" + id + "?attributes=active"))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
                .header("Content-Type", SCIM_JSON).header("Accept", SCIM_JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Accept", SCIM_JSON).GET().build();
    }

    private static void expectTotal(String body, int total) {
        int found = read(body).path("totalResults").asInt(-1);
        if (found != total) {
            throw new IllegalStateException("expected totalResults " + total + ", got " + found);
        }
    }

    private static JsonNode read(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    static String userName(int i) {
        return String.format("scim%06d@bench.example", i);
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
