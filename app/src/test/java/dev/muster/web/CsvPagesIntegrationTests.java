package dev.muster.web;

import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.routes.CsvProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV pages over HTTP: upload, the dry run's plan with rejected rows, applying exactly that file, the result. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + CsvPagesIntegrationTests.TOKEN,
        "muster.data-dir=target/test-data/csv-pages-${random.uuid}",
        "muster.demo.enabled=false"})
class CsvPagesIntegrationTests {
    static final String TOKEN = "test-admin-token-csv-pages-0123456789";
    static final String STAFF = """
            email,name,department
            ada@acme.test,Ada Lovelace,Research
            not-an-email,Broken Row,Research
            grace@acme.test,Grace Hopper,Navy
            """;

    @LocalServerPort
    int port;
    @Autowired
    Members members;
    @Autowired
    CsvProperties csv;

    PageClient browser;
    String org;

    @BeforeEach
    void signInAndCreateAnOrganization() {
        browser = new PageClient(port);
        assertThat(browser.signIn(TOKEN).statusCode()).isEqualTo(302);
        org = createOrganization(browser);
    }

    private static String createOrganization(PageClient browser) {
        String csrf = PageClient.csrf(browser.get("/admin/organizations"));
        HttpResponse<String> created = browser.post("/admin/organizations", "_csrf", csrf, "name", "Acme CSV",
                "plan", "TRIAL", "seats", "50", "seatLimit", "", "ownerEmail", "owner@acme.test", "ownerName", "");
        return created.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
    }

    private String csvPage() {
        return "/admin/organizations/" + org + "/csv";
    }

    private HttpResponse<String> upload(String fileName, String content, String mode) {
        String csrf = PageClient.csrf(browser.get(csvPage()));
        return browser.upload(csvPage(), fileName, content.getBytes(StandardCharsets.UTF_8), "_csrf", csrf,
                "mode", mode);
    }

    private boolean isMember(String email) {
        return members.findByEmail(OrganizationId.of(org), email).isPresent();
    }

    private static String previewId(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow().replaceAll(".*/previews/", "");
    }

    @Test
    void previewsEveryRowWithTheRejectedOnesAndTheirReasonsChangingNothing() {
        HttpResponse<String> uploaded = upload("staff.csv", STAFF, "valid-rows");
        assertThat(uploaded.statusCode()).isEqualTo(302);

        HttpResponse<String> preview = browser.follow(uploaded);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Preview of staff.csv").contains("ada@acme.test")
                .contains("grace@acme.test").contains("id=\"csv-apply\"")
                .containsPattern("(?s)<tr class=\"rejected\" data-line=\"3\">.*?not-an-email.*?line 3, column email:")
                .containsPattern("(?s)id=\"problems\".*?<td data-label=\"Line\">3</td>\\s*<td data-label=\"Column\">email</td>")
                .containsPattern("(?s)id=\"count-invite\">2<").containsPattern("(?s)id=\"count-rejected\">1<");
        assertThat(isMember("ada@acme.test")).isFalse();
    }

    @Test
    void appliesThePreviewedFileOnceAndShowsTheResultRowByRow() {
        HttpResponse<String> preview = browser.follow(upload("staff.csv", STAFF, "valid-rows"));
        String id = preview.uri().getPath().replaceAll(".*/previews/", "");

        HttpResponse<String> applied = browser.post(csvPage() + "/previews/" + id + "/apply",
                "_csrf", PageClient.csrf(preview));
        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(applied.headers().firstValue("Location").orElseThrow()).contains("/csv/imports/");
        HttpResponse<String> result = browser.follow(applied);

        assertThat(result.body()).contains("Import of staff.csv").contains("completed with errors")
                .containsPattern("(?s)id=\"count-invite\">2<").containsPattern("(?s)id=\"count-rejected\">1<")
                .contains("line 2: ada@acme.test").contains("invalid-row").doesNotContain("http-equiv=\"refresh\"");
        assertThat(isMember("ada@acme.test")).isTrue();
        assertThat(isMember("grace@acme.test")).isTrue();

        HttpResponse<String> again = browser.post(csvPage() + "/previews/" + id + "/apply",
                "_csrf", PageClient.csrf(preview));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("This preview has already been applied, or it has expired");
    }

    @Test
    void refusesToApplyAPreviewWhoseFileChangedOnTheServer() throws IOException {
        HttpResponse<String> uploaded = upload("staff.csv", STAFF, "valid-rows");
        String id = previewId(uploaded);
        Path kept = csv.workDirectory().resolve("previews").resolve(id + ".csv");
        assertThat(kept).exists();
        Files.writeString(kept, "email\nmallory@evil.test\n");

        HttpResponse<String> applied = browser.post(csvPage() + "/previews/" + id + "/apply",
                "_csrf", PageClient.csrf(browser.follow(uploaded)));

        assertThat(applied.statusCode()).isEqualTo(409);
        assertThat(applied.body()).contains("The previewed file is no longer the one on the server");
        assertThat(isMember("mallory@evil.test")).isFalse();
        assertThat(isMember("ada@acme.test")).isFalse();
        assertThat(kept).doesNotExist();
    }

    @Test
    void keepsAPreviewToTheSessionThatUploadedIt() {
        String id = previewId(upload("staff.csv", STAFF, "valid-rows"));
        PageClient other = new PageClient(port);
        other.signIn(TOKEN);

        assertThat(other.get(csvPage() + "/previews/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> applied = other.post(csvPage() + "/previews/" + id + "/apply",
                "_csrf", PageClient.csrf(other.get(csvPage())));
        assertThat(applied.statusCode()).isEqualTo(410);
        assertThat(isMember("ada@acme.test")).isFalse();
    }

    @Test
    void refusesAnUploadWithoutTheCsrfTokenBeforeReadingIt() throws IOException {
        long kept = keptFiles();
        HttpResponse<String> forged = browser.upload(csvPage(), "staff.csv", STAFF.getBytes(StandardCharsets.UTF_8),
                "mode", "valid-rows");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(keptFiles()).isEqualTo(kept);
    }

    private long keptFiles() throws IOException {
        Path previews = csv.workDirectory().resolve("previews");
        if (!Files.isDirectory(previews)) {
            return 0;
        }
        try (var files = Files.list(previews)) {
            return files.count();
        }
    }

    @Test
    void showsAFileRefusedAsAWholeWithoutAnApplyButton() {
        HttpResponse<String> preview = browser.follow(upload("names.csv", "name\nAda\n", "valid-rows"));

        assertThat(preview.body()).contains("id=\"refusal\"").contains("email").doesNotContain("id=\"csv-apply\"")
                .contains("This file cannot be applied as it is");
    }

    @Test
    void showsThatAllOrNothingWouldApplyNothingWhileARowHasAProblem() {
        HttpResponse<String> uploaded = upload("staff.csv", STAFF, "all-or-nothing");
        HttpResponse<String> preview = browser.follow(uploaded);

        assertThat(preview.body()).contains("(all-or-nothing)").doesNotContain("id=\"csv-apply\"");
        HttpResponse<String> forced = browser.post(csvPage() + "/previews/" + previewId(uploaded) + "/apply",
                "_csrf", PageClient.csrf(preview));
        assertThat(forced.statusCode()).isEqualTo(409);
        assertThat(forced.body()).contains("This file cannot be applied as it is");
        assertThat(isMember("ada@acme.test")).isFalse();
    }

    @Test
    void asksForAFileWhenNoneIsChosen() {
        HttpResponse<String> none = upload("", "", "valid-rows");

        assertThat(none.statusCode()).isEqualTo(302);
        assertThat(browser.follow(none).body()).contains("Choose a CSV file to upload.");
    }

    @Test
    void answersAnUnknownImportWithAPageInWords() {
        HttpResponse<String> page = browser.get(csvPage() + "/imports/not-an-import");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no import \u201cnot-an-import\u201d");
    }
}
