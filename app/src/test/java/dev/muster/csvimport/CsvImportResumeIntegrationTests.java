package dev.muster.csvimport;

import dev.muster.MusterApplication;
import dev.muster.csv.CsvImport;
import dev.muster.csv.CsvImportLedger;
import dev.muster.csv.CsvInvitations;
import dev.muster.csv.ImportMode;
import dev.muster.csv.ImportObserver;
import dev.muster.csv.ImportState;
import dev.muster.csv.Upload;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Runs;
import dev.muster.organization.Actor;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.OrganizationSettings;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An import dies in the middle of a file (the process stops after its third chunk is applied, before that chunk is
 * committed); the next start of the application finishes it.
 */
class CsvImportResumeIntegrationTests {
    private static final int ROWS = 45;
    private final String dataDir = "./target/test-data/csv-resume-" + UUID.randomUUID();

    /** What a process dying at that moment looks like to the import. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    private ConfigurableApplicationContext start(ImportObserver observer) {
        var builder = new SpringApplicationBuilder(MusterApplication.class);
        if (observer != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("crashingObserver", observer));
        }
        // Arguments, not default properties: application.yml would override those.
        return builder.run("--server.port=0", "--muster.admin-token=test-admin-token-0123456789",
                "--muster.data-dir=" + dataDir, "--muster.demo.enabled=false", "--muster.csv.drop-enabled=false",
                "--muster.csv.chunk-size=10");
    }

    private static String file() {
        var csv = new StringBuilder("email,name,department\r\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("person").append(i).append("@acme.test,Person ").append(i).append(",Dept\r\n");
        }
        return csv.toString();
    }

    @Test
    void finishesAnImportInterruptedByACrashWithNoDuplicateMemberOrInvitation() {
        OrganizationId org;
        CsvImport interrupted;
        var chunks = new AtomicInteger();
        try (var first = start((csvImport, rowsDone) -> {
            if (chunks.incrementAndGet() == 3) {
                throw new SimulatedCrash();
            }
        })) {
            org = first.getBean(Organizations.class).insert(new Organization(OrganizationId.random(), "Acme",
                    Plan.PRODUCTION, 100, null, new OrganizationSettings(true, Duration.ofDays(7), false),
                    Instant.now(), 0)).id();
            var upload = new Upload(org, Actor.system(Actor.Kind.CSV_IMPORT, "test"), "staff.csv",
                    ImportMode.VALID_ROWS, "upload");
            CsvInvitations invitations = first.getBean(CsvInvitations.class);

            assertThatThrownBy(() -> invitations.apply(upload,
                    new ByteArrayInputStream(file().getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(SimulatedCrash.class);

            List<CsvImport> unfinished = first.getBean(CsvImportLedger.class).unfinished();
            assertThat(unfinished).hasSize(1);
            interrupted = unfinished.get(0);
            assertThat(interrupted.rowsDone()).as("two chunks committed").isEqualTo(20);
            assertThat(members(first, org)).as("three chunks applied").isEqualTo(30);
        }

        try (var second = start(null)) {
            CsvImportLedger ledger = second.getBean(CsvImportLedger.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.find(org, interrupted.id()).orElseThrow()
                    .state() == ImportState.SUCCEEDED);

            assertThat(members(second, org)).isEqualTo(ROWS);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from mail_outbox where organization_id = :org")
                    .param("org", org.value()).query(Long.class).single()).as("one invitation each").isEqualTo(ROWS);
            assertThat(jdbc.sql("select count(distinct recipient) from mail_outbox where organization_id = :org")
                    .param("org", org.value()).query(Long.class).single()).isEqualTo(ROWS);
            Runs runs = second.getBean(Runs.class);
            List<ItemResult> items = runs.items(org, interrupted.runId(), 0, 1000).items();
            assertThat(items).extracting(ItemResult::index).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, ROWS).boxed().toList());
            Run run = runs.find(org, interrupted.runId()).orElseThrow();
            assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(run.counts()).as("the repeated chunk finds its members and changes nothing")
                    .containsEntry("invite", ROWS - 10).containsEntry("unchanged", 10);
            assertThat(ledger.find(org, interrupted.id()).orElseThrow().rowsDone()).isEqualTo(ROWS);
            assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(interrupted.storedFile())))
                    .as("the stored copy is removed once finished").isFalse();
        }
    }

    @Test
    void theSameFileHandedInAgainAfterACrashFinishesTheSameImport() {
        var chunks = new AtomicInteger();
        try (var context = start((csvImport, rowsDone) -> {
            if (chunks.incrementAndGet() == 2) {
                throw new SimulatedCrash();
            }
        })) {
            OrganizationId org = context.getBean(Organizations.class).insert(new Organization(OrganizationId.random(),
                    "Acme", Plan.PRODUCTION, 100, null, new OrganizationSettings(true, Duration.ofDays(7), false),
                    Instant.now(), 0)).id();
            var upload = new Upload(org, Actor.system(Actor.Kind.CSV_IMPORT, "drop folder staff.csv"), "staff.csv",
                    ImportMode.VALID_ROWS, "drop folder");
            CsvInvitations invitations = context.getBean(CsvInvitations.class);
            assertThatThrownBy(() -> invitations.apply(upload, new ByteArrayInputStream(
                    file().getBytes(StandardCharsets.UTF_8)))).isInstanceOf(SimulatedCrash.class);
            CsvImport interrupted = context.getBean(CsvImportLedger.class).unfinished().get(0);

            var report = invitations.apply(upload, new ByteArrayInputStream(file().getBytes(StandardCharsets.UTF_8)));

            assertThat(report.importId()).isEqualTo(interrupted.id().toString());
            assertThat(report.state()).isEqualTo(ImportState.SUCCEEDED);
            assertThat(members(context, org)).isEqualTo(ROWS);
            assertThat(context.getBean(Runs.class).page(org, 0, 10).total()).as("one run for the file").isEqualTo(1);
        }
    }

    private static long members(ConfigurableApplicationContext context, OrganizationId org) {
        return context.getBean(Members.class).list(new MemberQuery(org, null, null, null, 0, 1)).total();
    }
}
