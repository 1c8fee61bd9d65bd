package dev.muster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uploads at the default limits: a generated 100,000-row file (written to target/, never committed) streamed over
 * HTTP, and a file applied in the background.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=./target/test-data/csv-large-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.csv.drop-enabled=false"})
class LargeCsvUploadIntegrationTests {
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    RestClient api;
    String org;

    @BeforeEach
    void organization() throws IOException {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer test-admin-token-0123456789")
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        org = send(HttpMethod.POST, "/api/organizations", MediaType.APPLICATION_JSON, Map.of("name", "Big",
                "seats", 200, "owner", Map.of("email", "owner@big.test"))).body().get("id").asText();
    }

    record Answer(int status, JsonNode body, String location) {
    }

    private Answer send(HttpMethod method, String path, MediaType type, Object body) {
        var spec = api.method(method).uri(path);
        if (body != null) {
            spec = spec.contentType(type).body(body);
        }
        return spec.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                json.readTree(res.getBody().readAllBytes()),
                res.getHeaders().getLocation() == null ? null : res.getHeaders().getLocation().toString()));
    }

    private static Path generate(String name, int rows, String lastRow) throws IOException {
        Path file = Path.of("target", "csv", name);
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,name,department\r\n");
            for (int i = 1; i < rows; i++) {
                out.write("person" + i + "@big.test,\"Person " + i + ", Jr.\",Dept " + (i % 17) + "\r\n");
            }
            out.write(lastRow + "\r\n");
        }
        return file;
    }

    private long members() {
        return send(HttpMethod.GET, "/api/organizations/" + org + "/members", null, null).body().get("total")
                .asLong();
    }

    @Test
    void refusesA100000RowFileWithOneBadRowInAllOrNothingModeNamingItsLine() throws IOException {
        Path file = generate("upload-100000.csv", 100_000, "not-an-email,Last,Dept");

        Answer answer = send(HttpMethod.POST, "/api/organizations/" + org
                + "/invitations/csv?dryRun=false&mode=all-or-nothing&fileName=big.csv",
                MediaType.parseMediaType("text/csv"), new FileSystemResource(file));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("rows").asInt()).isEqualTo(100_000);
        assertThat(answer.body().at("/refusal/message").asText()).startsWith("1 of 100000 rows have problems");
        assertThat(answer.body().at("/problems/0/line").asInt()).isEqualTo(100_001);
        assertThat(answer.body().at("/problems/0/code").asText()).isEqualTo("invalid-email");
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void refusesTheRowAfterTheDefaultLimit() throws IOException {
        Path file = generate("upload-100001.csv", 100_001, "last@big.test,Last,Dept");

        Answer answer = send(HttpMethod.POST, "/api/organizations/" + org + "/invitations/csv?dryRun=false",
                MediaType.parseMediaType("text/csv"), new FileSystemResource(file));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().at("/refusal/code").asText()).isEqualTo("too-many-rows");
        assertThat(answer.body().at("/refusal/message").asText()).contains("more than 100000 rows");
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void appliesAFileInTheBackgroundAndShowsItsProgress() throws IOException {
        Path file = generate("upload-async.csv", 30, "person30@big.test,Person 30,Dept");

        Answer accepted = send(HttpMethod.POST, "/api/organizations/" + org
                + "/invitations/csv?dryRun=false&async=true", MediaType.parseMediaType("text/csv"),
                new FileSystemResource(file));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("totalRows").asInt()).isEqualTo(30);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(HttpMethod.GET, accepted.location(), null, null)
                .body().get("state").asText().equals("SUCCEEDED"));
        JsonNode status = send(HttpMethod.GET, accepted.location(), null, null).body();
        assertThat(status.get("rowsDone").asInt()).isEqualTo(30);
        assertThat(status.at("/counts/invite").asInt()).isEqualTo(30);
        assertThat(members()).isEqualTo(31);
    }
}
