package dev.muster.csvimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import dev.muster.routes.CsvProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The {@code onboarding-csv} route over a real drop folder. */
@SpringBootTest(properties = {
        "muster.admin-token=test-admin-token-0123456789",
        "muster.data-dir=./target/test-data/csv-drop-${random.uuid}",
        "muster.demo.enabled=false",
        "muster.csv.poll-delay=200ms",
        "muster.csv.read-lock-interval=200ms"})
class CsvDropFolderIntegrationTests {
    @Autowired
    CsvProperties properties;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    ObjectMapper json;

    Organization org;
    Path folder;

    @BeforeEach
    void organization() throws IOException {
        org = organizations.insert(new Organization(OrganizationId.random(), "Acme", Plan.PRODUCTION, 20, null,
                new OrganizationSettings(true, Duration.ofDays(7), false), Instant.now(), 0));
        folder = Files.createDirectories(properties.dropDirectory().resolve(org.id().toString()));
    }

    /** Copies as a real client should: under another name, then renamed into place. */
    private static void drop(Path folder, String name, String content) throws IOException {
        Path part = folder.resolve(name + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for the report and for the file itself beside it (moved once the route completes). */
    private JsonNode awaitReport(Path report) throws IOException {
        Path file = report.resolveSibling(report.getFileName().toString().replace(".result.json", ""));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report) && Files.exists(file));
        return json.readTree(report.toFile());
    }

    @Test
    void importsAFileAndMovesItToDoneWithItsReportBeside() throws IOException {
        drop(folder, "staff.csv", "email;name;role\r\nada@acme.test;Ada;admin\r\nbob@acme.test;Bob;user\r\n"
                + "broken;Nobody;user\r\n");

        JsonNode report = awaitReport(folder.resolve("done/staff.csv.result.json"));

        assertThat(report.get("state").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(report.get("counts").get("invite").asInt()).isEqualTo(2);
        assertThat(report.get("problems").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(Files.exists(folder.resolve("done/staff.csv"))).isTrue();
        assertThat(Files.exists(folder.resolve("staff.csv"))).isFalse();
        assertThat(members.list(new MemberQuery(org.id(), null, null, null, 0, 10)).items())
                .extracting(Member::email).containsExactlyInAnyOrder("ada@acme.test", "bob@acme.test");
    }

    @Test
    void theSameFileDroppedAgainChangesNothing() throws IOException {
        String content = "email,name\nada@acme.test,Ada\nbob@acme.test,Bob\n";
        drop(folder, "staff.csv", content);
        awaitReport(folder.resolve("done/staff.csv.result.json"));

        drop(folder, "staff.csv", content);

        Path report = folder.resolve("done/staff.csv.result.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(folder.resolve("staff.csv"))
                && json.readTree(report.toFile()).get("counts").get("unchanged").asInt() == 2);
        assertThat(json.readTree(report.toFile()).get("counts").get("invite").asInt()).isZero();
        assertThat(members.list(new MemberQuery(org.id(), null, null, null, 0, 10)).total()).isEqualTo(2);
    }

    @Test
    void movesAFileRefusedAsAWholeToFailedWithTheReason() throws IOException {
        drop(folder, "no-email.csv", "name,role\nAda,admin\n");

        JsonNode report = awaitReport(folder.resolve("failed/no-email.csv.result.json"));

        assertThat(report.get("state").asText()).isEqualTo("REFUSED");
        assertThat(report.get("refusal").get("code").asText()).isEqualTo("no-email-column");
        assertThat(Files.exists(folder.resolve("failed/no-email.csv"))).isTrue();
    }

    @Test
    void refusesAFolderThatNamesNoOrganization() throws IOException {
        Path stranger = Files.createDirectories(properties.dropDirectory().resolve("not-an-organization"));

        drop(stranger, "staff.csv", "email\nada@acme.test\n");

        JsonNode report = awaitReport(stranger.resolve("failed/staff.csv.result.json"));
        assertThat(report.get("refusal").get("code").asText()).isEqualTo("unknown-organization");
    }

    @Test
    void honoursAllOrNothingInTheFileName() throws IOException {
        drop(folder, "staff.all-or-nothing.csv", "email\nada@acme.test\nbroken\n");

        JsonNode report = awaitReport(folder.resolve("failed/staff.all-or-nothing.csv.result.json"));

        assertThat(report.get("refusal").get("code").asText()).isEqualTo("all-or-nothing");
        assertThat(members.findByEmail(org.id(), "ada@acme.test")).isEmpty();
    }

}
