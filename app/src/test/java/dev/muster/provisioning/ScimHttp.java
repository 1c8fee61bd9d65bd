package dev.muster.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTTP for the SCIM tests: exactly the bytes and headers an identity provider sends (PATCH with capitalised
 * ops, DELETE without body or content type), plus the admin API calls that set up organizations and tokens.
 */
final class ScimHttp {
    static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    ScimHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text(String pointer) {
            return body.at(pointer).asText();
        }
    }

    Response send(String method, String path, String token, String contentType, String body,
                  Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response scim(String method, String org, String path, String token, String body) {
        return send(method, "/scim/v2/" + org + path, token, body == null ? null : "application/scim+json", body,
                Map.of());
    }

    Response admin(String method, String path, Object body) {
        try {
            return send(method, path, ADMIN_TOKEN, body == null ? null : "application/json",
                    body == null ? null : JSON.writeValueAsString(body), Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new organization with a confirmed owner; {@code settings} as the admin API takes them. */
    String organization(Map<String, Object> settings) {
        Response created = admin("POST", "/api/organizations", Map.of("name", "Acme", "seats", 50,
                "settings", settings, "owner", Map.of("email", "owner@acme.test", "name", "Olive Owner")));
        assertThat(created.status()).isEqualTo(201);
        return created.text("/id");
    }

    /** Issues a SCIM token and returns its secret. */
    String token(String org, String name, String provider) {
        Response issued = admin("POST", "/api/organizations/" + org + "/scim-tokens",
                Map.of("name", name, "provider", provider));
        assertThat(issued.status()).isEqualTo(201);
        return issued.text("/token");
    }

    /** The member (admin API detail) the SCIM user with this e-mail became. */
    JsonNode memberByEmail(String org, String email) {
        Response members = admin("GET", "/api/organizations/" + org + "/members?limit=1000", null);
        for (JsonNode member : members.body().get("items")) {
            if (member.get("email").asText().equalsIgnoreCase(email)) {
                return admin("GET", "/api/organizations/" + org + "/members/" + member.get("id").asText(), null)
                        .body();
            }
        }
        return null;
    }
}
