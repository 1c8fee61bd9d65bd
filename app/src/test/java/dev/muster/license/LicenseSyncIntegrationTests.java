package dev.muster.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The route license-sync against a license server the test runs itself on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=target/test-data/license-sync-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.license.sync.enabled=true",
        "muster.license.sync.installation-key=installation-key-for-tests",
        "muster.license.sync.interval=100",
        "muster.license.sync.initial-delay=0",
        "muster.routes.redelivery-delay=10"})
class LicenseSyncIntegrationTests {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final TestLicenses VENDOR = new TestLicenses();
    private static final HttpServer SERVER = start();
    /** Per organization: the responses still to give (status, body); the last one repeats. */
    private static final Map<String, Deque<Object[]>> RESPONSES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/licenses/", LicenseSyncIntegrationTests::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String org = exchange.getRequestURI().getPath().substring("/licenses/".length());
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        REQUESTS.computeIfAbsent(org, o -> new AtomicInteger()).incrementAndGet();
        Deque<Object[]> queue = RESPONSES.get(org);
        Object[] response;
        synchronized (RESPONSES) {
            response = queue == null ? new Object[]{404, "unknown"} : queue.size() > 1 ? queue.poll() : queue.peek();
        }
        byte[] body = ((String) response[1]).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders((Integer) response[0], body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("muster.license.public-key", VENDOR::publicKeyBase64);
        registry.add("muster.license.sync.url", () -> "http://127.0.0.1:" + SERVER.getAddress().getPort()
                + "/licenses/{organization}");
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    RestClient api;

    @BeforeEach
    void client() {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    private JsonNode call(String method, String path, String body) {
        var spec = api.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> json.readTree(res.getBody()));
    }

    private String licensedProductionOrganization() {
        String org = call("POST", "/api/organizations", "{\"name\":\"Acme\",\"seats\":5}").get("id").asText();
        call("PUT", "/api/organizations/" + org + "/license", license(org, "lic-v1", 10, Instant.now().minusSeconds(3600)));
        assertThat(call("POST", "/api/organizations/" + org + "/upgrade", null).get("seats").asInt()).isEqualTo(10);
        return org;
    }

    private static String license(String org, String id, int seats, Instant issuedAt) {
        return VENDOR.sign(TestLicenses.payload(id, org, "PRODUCTION", seats, issuedAt,
                Instant.now().plus(Duration.ofDays(365))));
    }

    private static void serve(String org, Object[]... responses) {
        synchronized (RESPONSES) {
            RESPONSES.put(org, new ArrayDeque<>(List.of(responses)));
        }
    }

    private JsonNode license(String org) {
        return call("GET", "/api/organizations/" + org + "/license", null);
    }

    @Test
    void fetchesTheCurrentLicenseWithTheInstallationKeyAndAppliesItsSeats() {
        String org = licensedProductionOrganization();
        serve(org, new Object[]{200, license(org, "lic-v2", 30, Instant.now())});
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(license(org).at("/license/licenseId").asText()).isEqualTo("lic-v2"));
        assertThat(call("GET", "/api/organizations/" + org, null).get("seats").asInt()).isEqualTo(30);
        assertThat(license(org).get("installedBy").asText()).isEqualTo("license-sync");
        assertThat(license(org).at("/sync/lastSuccess").isNull()).isFalse();
        assertThat(AUTHORIZATIONS).contains("Bearer installation-key-for-tests");
    }

    @Test
    void retriesAServerThatIsTemporarilyDownAndReportsTheFailureMeanwhile() {
        String org = licensedProductionOrganization();
        serve(org, new Object[]{503, "busy"}, new Object[]{503, "busy"},
                new Object[]{200, license(org, "lic-v3", 12, Instant.now())});
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(license(org).at("/license/licenseId").asText()).isEqualTo("lic-v3"));
        assertThat(REQUESTS.get(org).get()).isGreaterThanOrEqualTo(3);
        JsonNode sync = license(org).get("sync");
        assertThat(sync.get("lastError").asText()).contains("HTTP 503");
        assertThat(Instant.parse(sync.get("lastSuccess").asText()))
                .isAfter(Instant.parse(sync.get("lastFailure").asText()));
    }

    @Test
    void neverAppliesARefusedLicenseAndReportsWhy() {
        String org = licensedProductionOrganization();
        String other = call("POST", "/api/organizations", "{\"name\":\"Other\"}").get("id").asText();
        byte[] payload = TestLicenses.payload("lic-bad", org, "PRODUCTION", 500, Instant.now(),
                Instant.now().plus(Duration.ofDays(365))).getBytes(StandardCharsets.UTF_8);
        byte[] signature = VENDOR.signature(payload);
        signature[0] ^= 0x01;
        String tampered = TestLicenses.document(payload, signature);
        serve(org, new Object[]{200, tampered});
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(license(org).at("/sync/lastError").asText()).contains("signature"));
        serve(org, new Object[]{200, license(other, "lic-other", 500, Instant.now())});
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(license(org).at("/sync/lastError").asText()).contains("issued for organization " + other));
        assertThat(license(org).at("/license/licenseId").asText()).isEqualTo("lic-v1");
        assertThat(call("GET", "/api/organizations/" + org, null).get("seats").asInt()).isEqualTo(10);
        JsonNode readiness = call("GET", "/api/organizations/" + org + "/readiness", null);
        assertThat(readiness.toString()).contains("the last license sync failed");
    }
}
