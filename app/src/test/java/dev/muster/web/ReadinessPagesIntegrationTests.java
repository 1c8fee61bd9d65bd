package dev.muster.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness checklist page over HTTP, following what the organization has set up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + ReadinessPagesIntegrationTests.TOKEN,
        "muster.data-dir=target/test-data/readiness-pages-${random.uuid}",
        "muster.demo.enabled=false"})
class ReadinessPagesIntegrationTests {
    static final String TOKEN = "test-admin-token-readiness-pages-0123456789";

    @LocalServerPort
    int port;

    @Test
    void showsEachItemWithItsStatusReasonAndFixAndFollowsAFix() throws IOException, InterruptedException {
        var browser = new PageClient(port);
        browser.signIn(TOKEN);
        String org = browser.post("/admin/organizations", "_csrf",
                        PageClient.csrf(browser.get("/admin/organizations")), "name", "Ready Co", "plan", "TRIAL",
                        "seats", "10", "seatLimit", "", "ownerEmail", "owner@ready.test", "ownerName", "")
                .headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
        String page = "/admin/organizations/" + org + "/readiness";

        HttpResponse<String> before = browser.get(page);

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("Not ready").contains("Step 5")
                .containsPattern("(?s)<tr data-item=\"client-server-url\" class=\"rejected\">.*?fail.*?"
                        + "no server URL is set.*?PUT /api/organizations/" + org + "/clients/server-url");

        HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/organizations/" + org + "/clients/server-url"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"serverUrl\":\"https://vault.ready.test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        assertThat(browser.get(page).body())
                .containsPattern("(?s)<tr data-item=\"client-server-url\">.*?pass.*?clients use https://vault.ready.test");
    }

    @Test
    void showsThatAProductionOrganizationCreatedInThePagesStartsWithTheGateOn() {
        var browser = new PageClient(port);
        browser.signIn(TOKEN);
        String location = browser.post("/admin/organizations", "_csrf",
                        PageClient.csrf(browser.get("/admin/organizations")), "name", "Live Co", "plan", "PRODUCTION",
                        "seats", "10", "seatLimit", "", "ownerEmail", "", "ownerName", "")
                .headers().firstValue("Location").orElseThrow();
        String org = location.replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");

        assertThat(browser.get("/admin/organizations/" + org + "/readiness").body())
                .containsPattern("id=\"gate\">on: bulk onboarding of more than \\d+ people");
    }

    @Test
    void answersAnUnknownOrganizationWithAPageInWords() {
        var browser = new PageClient(port);
        browser.signIn(TOKEN);

        HttpResponse<String> page = browser.get("/admin/organizations/not-an-org/readiness");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no organization \u201cnot-an-org\u201d");
    }
}
