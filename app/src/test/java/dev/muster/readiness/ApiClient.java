package dev.muster.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API over HTTP as the readiness tests drive it. */
final class ApiClient {
    static final String TOKEN = "test-admin-token-0123456789";

    record Response(int status, JsonNode body, String text, String contentType) {
    }

    private final RestClient api;
    private final ObjectMapper json;

    ApiClient(int port, ObjectMapper json) {
        this.json = json;
        this.api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
    }

    Response call(String method, String path, Object body) {
        var spec = api.method(HttpMethod.valueOf(method)).uri(path).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            try {
                spec = spec.contentType(MediaType.APPLICATION_JSON)
                        .body(body instanceof String s ? s : json.writeValueAsString(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return spec.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode node = null;
            String type = res.getHeaders().getContentType() == null ? null
                    : res.getHeaders().getContentType().toString();
            if (!text.isEmpty() && type != null && type.contains("json")) {
                node = json.readTree(text);
            }
            return new Response(res.getStatusCode().value(), node, text, type);
        });
    }

    String createTrial(String ownerEmail) {
        Response created = call("POST", "/api/organizations", Map.of("name", "Acme", "seats", 5,
                "owner", Map.of("email", ownerEmail)));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
