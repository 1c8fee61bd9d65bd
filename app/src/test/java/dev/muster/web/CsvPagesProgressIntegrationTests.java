package dev.muster.web;

import dev.muster.csv.ImportObserver;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file larger than {@code muster.web.csv-wait-rows} is applied in the background: its page shows the progress and
 * refreshes itself until the import is finished, then shows the result. The import is held after its first chunk
 * (an {@link ImportObserver}) so that the running page is seen for certain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "muster.admin-token=" + CsvPagesProgressIntegrationTests.TOKEN,
        "muster.data-dir=target/test-data/csv-progress-${random.uuid}",
        "muster.demo.enabled=false", "muster.web.csv-wait-rows=3", "muster.csv.chunk-size=2"})
class CsvPagesProgressIntegrationTests {
    static final String TOKEN = "test-admin-token-csv-progress-0123456789";
    static final CountDownLatch FIRST_CHUNK_APPLIED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @TestConfiguration
    static class HeldImports {
        @Bean
        ImportObserver holdAfterTheFirstChunk() {
            return (csvImport, rowsDone) -> {
                FIRST_CHUNK_APPLIED.countDown();
                try {
                    if (!RELEASE.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the import");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Members members;

    @Test
    void showsTheProgressOfALargeFileRefreshingUntilItIsDone() throws InterruptedException {
        var browser = new PageClient(port);
        browser.signIn(TOKEN);
        String created = browser.post("/admin/organizations", "_csrf",
                PageClient.csrf(browser.get("/admin/organizations")), "name", "Big Files", "plan", "TRIAL",
                "seats", "50", "seatLimit", "", "ownerEmail", "", "ownerName", "")
                .headers().firstValue("Location").orElseThrow();
        String org = created.replaceAll(".*/admin/organizations/([^/]+)/members$", "$1");
        String csv = "/admin/organizations/" + org + "/csv";
        var file = new StringBuilder("email,name\n");
        for (int i = 1; i <= 5; i++) {
            file.append("person").append(i).append("@big.test,Person ").append(i).append('\n');
        }
        HttpResponse<String> preview = browser.follow(browser.upload(csv, "big.csv",
                file.toString().getBytes(StandardCharsets.UTF_8), "_csrf",
                PageClient.csrf(browser.get(csv)), "mode", "valid-rows"));
        String apply = preview.uri().getPath() + "/apply";

        HttpResponse<String> applied = browser.post(apply, "_csrf", PageClient.csrf(preview));
        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(FIRST_CHUNK_APPLIED.await(30, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> running = browser.follow(applied);

        assertThat(running.body()).contains("<meta http-equiv=\"refresh\" content=\"2\">")
                .contains("0 of 5 rows").contains("This page refreshes itself").doesNotContain("id=\"items\"");
        RELEASE.countDown();
        String page = applied.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.get(
                java.net.URI.create(page).getPath()).body()).contains("succeeded").contains("5 of 5 rows"));
        HttpResponse<String> done = browser.get(java.net.URI.create(page).getPath());
        assertThat(done.body()).doesNotContain("http-equiv=\"refresh\"").contains("line 6: person5@big.test")
                .containsPattern("id=\"count-invite\">5<");
        assertThat(members.findByEmail(OrganizationId.of(org), "person5@big.test")).isPresent();
    }
}
