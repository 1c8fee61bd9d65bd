package dev.muster.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=target/test-data/clients-${random.uuid}",
        "muster.demo.enabled=false"})
class ClientsIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    record Response(int status, String body, String type, String disposition) {
    }

    private Response call(String method, String path, String body) {
        var spec = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build()
                .method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", "Bearer test-admin-token-0123456789");
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes()), String.valueOf(res.getHeaders().getContentType()),
                res.getHeaders().getFirst("Content-Disposition")));
    }

    @Test
    void servesEveryDeploymentFileForTheServerUrlOnceItIsSet() throws Exception {
        String org = json.readTree(call("POST", "/api/organizations", "{\"name\":\"Acme\"}").body()).get("id").asText();
        String base = "/api/organizations/" + org + "/clients/";
        Response missing = call("GET", base + "chrome.json", null);
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.body()).contains("server-url-missing");

        assertThat(call("PUT", base + "server-url", "{\"serverUrl\":\"https://vault.acme.test\"}").status())
                .isEqualTo(200);
        Response chrome = call("GET", base + "chrome.json", null);
        assertThat(chrome.type()).startsWith("application/json");
        assertThat(json.readTree(chrome.body()).toString()).contains("https://vault.acme.test");
        Response firefox = call("GET", base + "firefox-policies.json", null);
        assertThat(firefox.disposition()).contains("policies.json");
        assertThat(json.readTree(firefox.body()).at("/policies/ExtensionSettings").size()).isEqualTo(1);
        assertThat(call("GET", base + "edge.json", null).status()).isEqualTo(200);
        assertThat(call("GET", base + "windows.reg", null).body()).startsWith("Windows Registry Editor Version 5.00");
        Response mac = call("GET", base + "macos.mobileconfig", null);
        assertThat(mac.type()).startsWith("application/x-apple-aspen-config");
        assertThat(mac.body()).contains("<string>https://vault.acme.test</string>");
        assertThat(call("GET", base + "other.txt", null).status()).isEqualTo(404);
    }
}
