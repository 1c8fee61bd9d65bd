package dev.muster.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=./target/test-data/csv-api-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.csv.drop-enabled=false",
        "muster.csv.chunk-size=3",
        "muster.csv.max-rows=50"})
class CsvInvitationsIntegrationTests {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final Path SAMPLE = Path.of("..", "samples", "invitations.csv");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    RestClient api;
    String org;

    record Response(int status, String text, String contentType) {
        JsonNode json(ObjectMapper mapper) throws IOException {
            return mapper.readTree(text);
        }
    }

    @BeforeEach
    void organization() throws IOException {
        api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TOKEN)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build();
        org = json(call(HttpMethod.POST, "/api/organizations", MediaType.APPLICATION_JSON,
                Map.of("name", "Demo", "seats", 50, "owner", Map.of("email", "owner@demo.example", "name", "Owner"))))
                .get("id").asText();
        for (String group : List.of("IT", "Finance", "Engineering", "Contractors")) {
            call(HttpMethod.POST, "/api/organizations/" + org + "/groups", MediaType.APPLICATION_JSON,
                    Map.of("name", group));
        }
        for (String collection : List.of("Infrastructure", "Finance", "Engineering", "Contractor Handbook",
                "Shared Logins")) {
            call(HttpMethod.POST, "/api/organizations/" + org + "/collections", MediaType.APPLICATION_JSON,
                    Map.of("name", collection));
        }
    }

    private Response call(HttpMethod method, String path, MediaType type, Object body) {
        return call(method, path, type, body, null);
    }

    private Response call(HttpMethod method, String path, MediaType type, Object body, String ifMatch) {
        var spec = api.method(method).uri(path);
        if (ifMatch != null) {
            spec = spec.header("If-Match", "\"" + ifMatch + "\"");
        }
        if (body != null) {
            spec = spec.contentType(type).body(body);
        }
        return spec.exchange((req, res) -> new Response(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8),
                res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString()));
    }

    private JsonNode json(Response response) throws IOException {
        return response.json(json);
    }

    private Response upload(String query, byte[] csv) {
        return call(HttpMethod.POST, "/api/organizations/" + org + "/invitations/csv?" + query,
                MediaType.parseMediaType("text/csv"), csv);
    }

    private static byte[] sample() throws IOException {
        return Files.readAllBytes(SAMPLE);
    }

    private int members() throws IOException {
        return json(call(HttpMethod.GET, "/api/organizations/" + org + "/members", null, null)).get("total").asInt();
    }

    private long outboxMails() {
        return jdbc.sql("select count(*) from mail_outbox where organization_id = :org")
                .param("org", UUID.fromString(org)).query(Long.class).single();
    }

    private static List<String> actions(JsonNode report) {
        var actions = new ArrayList<String>();
        report.get("plan").forEach(row -> actions.add(row.get("line").asInt() + ":" + row.get("action").asText()));
        return actions;
    }

    @Test
    void dryRunAnswersThePlanRowByRowAndChangesNothing() throws IOException {
        Response response = upload("dryRun=true", sample());

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("state").asText()).isEqualTo("PLANNED");
        assertThat(actions(report)).containsExactly("2:invite", "3:invite", "4:invite", "5:invite", "6:invite",
                "7:invite", "8:rejected");
        JsonNode maria = report.get("plan").get(0);
        assertThat(maria.get("role").asText()).isEqualTo("admin");
        assertThat(maria.get("groups").get(0).asText()).isEqualTo("IT");
        assertThat(maria.get("collections").toString()).contains("Infrastructure:manage", "Shared Logins:edit");
        assertThat(maria.get("why").toString()).contains("invited");
        assertThat(report.get("plan").get(4).get("role").asText()).as("no rules saved: everyone is USER")
                .isEqualTo("user");
        JsonNode bad = report.get("plan").get(6);
        assertThat(bad.get("problems")).extracting(p -> p.get("column").asText() + "/" + p.get("code").asText())
                .containsExactly("email/invalid-email", "role/unknown-role", "collections/unknown-collection");
        assertThat(bad.get("problems").get(0).get("line").asInt()).isEqualTo(8);
        assertThat(report.get("counts").get("invite").asInt()).isEqualTo(6);
        assertThat(members()).isEqualTo(1);
        assertThat(outboxMails()).isZero();
    }

    @Test
    void applyRunsTheSamePlanAndRecordsEveryRowInTheRunHistory() throws IOException {
        JsonNode plan = json(upload("dryRun=true", sample()));

        JsonNode applied = json(upload("dryRun=false", sample()));

        assertThat(applied.get("state").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(actions(applied)).isEqualTo(actions(plan));
        assertThat(members()).isEqualTo(7);
        assertThat(outboxMails()).isEqualTo(6);
        JsonNode admins = json(call(HttpMethod.GET, "/api/organizations/" + org + "/members?role=ADMIN", null, null));
        assertThat(admins.get("items").get(0).get("email").asText()).isEqualTo("maria.garcia@demo.example");
        JsonNode maria = json(call(HttpMethod.GET, "/api/organizations/" + org + "/members/"
                + admins.get("items").get(0).get("id").asText(), null, null));
        assertThat(maria.at("/identities/0/source").asText()).isEqualTo("CSV");
        assertThat(maria.at("/identities/0/sourceId").asText()).isEqualTo("HR-1001");
        assertThat(maria.get("groups")).extracting(g -> g.get("group").asText() + "/" + g.get("origin").asText())
                .containsExactly("IT/CSV");
        assertThat(maria.get("access")).extracting(a -> a.get("collection").asText() + "/" + a.get("level").asText())
                .containsExactlyInAnyOrder("Infrastructure/CAN_MANAGE", "Shared Logins/CAN_EDIT");
        assertThat(maria.get("attributes").get("title").asText()).isEqualTo("Head of IT");
        JsonNode olsen = json(call(HttpMethod.GET, "/api/organizations/" + org + "/members?role=CUSTOM", null, null));
        assertThat(olsen.at("/items/0/name").asText()).isEqualTo("Olsen, Kari");
        assertThat(olsen.at("/items/0/permissions").toString()).contains("ACCESS_REPORTS", "ACCESS_EVENT_LOGS");
        String run = applied.get("runId").asText();
        JsonNode items = json(call(HttpMethod.GET, "/api/organizations/" + org + "/runs/" + run + "/items", null,
                null));
        assertThat(items.get("total").asInt()).isEqualTo(7);
        assertThat(items.get("items").get(6).get("key").asText()).isEqualTo("line 8: chen.wei@demo");
        assertThat(items.get("items").get(6).get("outcome").toString()).contains("invalid-row", "line 8, column role");
        JsonNode runInfo = json(call(HttpMethod.GET, "/api/organizations/" + org + "/runs/" + run, null, null));
        assertThat(runInfo.get("state").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        JsonNode status = json(call(HttpMethod.GET, "/api/organizations/" + org + "/invitations/csv/imports/"
                + applied.get("importId").asText(), null, null));
        assertThat(status.get("rowsDone").asInt()).isEqualTo(7);
        assertThat(status.get("state").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
    }

    @Test
    void showsTheRoleTheOrganizationsRulesWouldGiveAndApplyingGivesIt() throws IOException {
        String version = json(call(HttpMethod.GET, "/api/organizations/" + org + "/role-rules", null, null))
                .get("version").asText();
        Response saved = call(HttpMethod.PUT, "/api/organizations/" + org + "/role-rules",
                MediaType.parseMediaType("application/yaml"), Files.readAllBytes(Path.of("..", "samples",
                        "role-rules.yaml")), version);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);

        JsonNode priya = json(upload("dryRun=true", sample())).get("plan").get(4);
        JsonNode applied = json(upload("dryRun=false", sample())).get("plan").get(4);

        assertThat(priya.get("email").asText()).isEqualTo("priya.nair@demo.example");
        assertThat(priya.get("role").asText()).isEqualTo("custom:ACCESS_EVENT_LOGS;ACCESS_IMPORT_EXPORT;ACCESS_REPORTS");
        assertThat(applied.get("role").asText()).isEqualTo(priya.get("role").asText());
        assertThat(priya.get("why").toString()).contains("GRANT_ADDED to Finance CAN_EDIT (RULES)");
    }

    @Test
    void uploadingTheSameFileAgainChangesNothing() throws IOException {
        upload("dryRun=false", sample());
        long events = json(call(HttpMethod.GET, "/api/organizations/" + org + "/events?limit=1", null, null))
                .get("total").asLong();

        JsonNode again = json(upload("dryRun=false", sample()));

        assertThat(actions(again)).containsExactly("2:unchanged", "3:unchanged", "4:unchanged", "5:unchanged",
                "6:unchanged", "7:unchanged", "8:rejected");
        assertThat(members()).isEqualTo(7);
        assertThat(outboxMails()).isEqualTo(6);
        assertThat(json(call(HttpMethod.GET, "/api/organizations/" + org + "/events?limit=1", null, null))
                .get("total").asLong()).isEqualTo(events);
    }

    @Test
    void plansAChangedRowAsAnUpdateAndSaysWhatChanges() throws IOException {
        upload("dryRun=false", sample());
        String changed = new String(sample(), StandardCharsets.UTF_8)
                .replace("Jonas Weber,user,Engineering", "Jonas Weber,admin,Engineering;IT");

        JsonNode plan = json(upload("dryRun=true", changed.getBytes(StandardCharsets.UTF_8)));

        JsonNode jonas = plan.get("plan").get(1);
        assertThat(jonas.get("action").asText()).isEqualTo("update");
        assertThat(jonas.get("role").asText()).isEqualTo("admin");
        assertThat(jonas.get("why").toString()).contains("ROLE_CHANGED from USER to ADMIN", "GROUP_JOINED to IT");
        assertThat(plan.get("counts").get("unchanged").asInt()).isEqualTo(5);
    }

    @Test
    void allOrNothingAppliesNoRowWhileAnyRowHasAProblem() throws IOException {
        Response response = upload("dryRun=false&mode=all-or-nothing", sample());

        assertThat(response.status()).isEqualTo(422);
        JsonNode report = json(response);
        assertThat(report.get("state").asText()).isEqualTo("REFUSED");
        assertThat(report.get("refusal").get("code").asText()).isEqualTo("all-or-nothing");
        assertThat(report.get("refusal").get("message").asText()).contains("1 of 7 rows");
        assertThat(report.get("problems").get(0).get("line").asInt()).isEqualTo(8);
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void acceptsAMultipartUpload() throws IOException {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(sample()) {
            @Override
            public String getFilename() {
                return "invitations.csv";
            }
        });

        Response response = call(HttpMethod.POST, "/api/organizations/" + org + "/invitations/csv?dryRun=false",
                MediaType.MULTIPART_FORM_DATA, form);

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("fileName").asText()).isEqualTo("invitations.csv");
        assertThat(members()).isEqualTo(7);
    }

    @Test
    void refusesAFileOverTheRowLimitWithAClearError() throws IOException {
        var csv = new StringBuilder("email\n");
        for (int i = 0; i < 51; i++) {
            csv.append("p").append(i).append("@demo.example\n");
        }

        Response response = upload("dryRun=false", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(422);
        assertThat(json(response).get("refusal").get("message").asText()).contains("more than 50 rows");
        assertThat(members()).isEqualTo(1);
    }

    @Test
    void exportsKeepFormulaLookingCellsAsTextThatNoSpreadsheetEvaluates() throws IOException {
        byte[] formulas = ("email,name,department\n"
                + "eve@demo.example,\"=HYPERLINK(\"\"http://evil.test\"\";\"\"x\"\")\",+sum(1;2)\n"
                + "mallory@demo.example,@SUM(A1:A9),-42\n").getBytes(StandardCharsets.UTF_8);
        JsonNode applied = json(upload("dryRun=false", formulas));
        JsonNode eve = json(call(HttpMethod.GET, "/api/organizations/" + org + "/members?limit=10", null, null));
        assertThat(eve.toString()).as("kept as data").contains("=HYPERLINK(\\\"http://evil.test\\\";\\\"x\\\")");

        Response members = call(HttpMethod.GET, "/api/organizations/" + org + "/members/export.csv", null, null);
        Response items = call(HttpMethod.GET, "/api/organizations/" + org + "/runs/" + applied.get("runId").asText()
                + "/items.csv", null, null);

        assertThat(members.contentType()).startsWith("text/csv");
        assertThat(members.text()).contains("\"'=HYPERLINK(\"\"http://evil.test\"\";\"\"x\"\")\"")
                .contains(",'@SUM(A1:A9),").doesNotContain(",=HYPERLINK").doesNotContain(",@SUM");
        assertThat(members.text().lines().filter(l -> l.startsWith("mallory@"))).singleElement()
                .satisfies(l -> assertThat(l).endsWith("department=-42"));
        assertThat(items.text().lines()).hasSize(3);
        for (String line : (members.text() + items.text()).split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                        .doesNotStartWith("-");
            }
        }
    }
}
