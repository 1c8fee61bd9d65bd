package dev.muster.csv;

import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Onboarding;
import dev.muster.readiness.BulkOnboardingRefused;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.RunState;
import dev.muster.onboarding.Store;
import dev.muster.organization.OrganizationId;
import dev.muster.roles.RoleRules;
import dev.muster.organization.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * CSV invitations: plans or applies an invitation file through the onboarding service, in chunks, holding one
 * chunk at a time. An applied file is first kept in the work directory and recorded in the ledger; each chunk's
 * row outcomes and the progress are committed together, so an import interrupted by a crash is finished by
 * {@link #resumeUnfinished()} on the next start, repeating at most one chunk (whose rows then find their members
 * and change nothing: no duplicate member, no second invitation).
 *
 * <pre>{@code
 * ImportReport plan = csvInvitations.plan(new Upload(org, actor, "staff.csv", ImportMode.VALID_ROWS, "upload"), in);
 * }</pre>
 */
public final class CsvInvitations {
    private static final Logger log = LoggerFactory.getLogger(CsvInvitations.class);

    private final Store store;
    private final CsvImportLedger ledger;
    private final CsvSettings settings;
    private final ImportObserver observer;
    private final Clock clock;
    private final RowChunks chunks;
    private final ChunkApplication chunkApplication;
    private final Onboarding onboarding;
    private final Map<ImportId, CompletableFuture<ImportReport>> running = new ConcurrentHashMap<>();

    /**
     * @param rules the role rules of an organization, to show in a dry run the role a new member would get
     */
    public CsvInvitations(Onboarding onboarding, Function<OrganizationId, RoleRules> rules, Store store,
                          CsvImportLedger ledger, CsvSettings settings, ImportObserver observer, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.settings = settings;
        this.observer = observer;
        this.clock = clock;
        this.chunks = new RowChunks(store.groups(), store.collections(), settings);
        this.onboarding = onboarding;
        this.chunkApplication = new ChunkApplication(onboarding,
                new PlannedRoles(store.members(), store.groups(), rules));
    }

    /** The dry run: what every row would do, recorded as a planned run; nothing is kept. */
    public ImportReport plan(Upload upload, InputStream content) {
        Path file = settings.workDirectory().resolve("plan-" + UUID.randomUUID() + ".csv");
        try {
            StagedFile.copy(content, file, settings.limits().maxBytes());
            RowChunks.Validation validation = chunks.validate(upload.organizationId(), file);
            RunId runId = RunId.random();
            startRun(runId, upload, true, "dry run of " + upload.via() + " " + upload.fileName());
            var report = new ReportBuilder(settings.reportRows(), Map.of());
            int rows = chunks.forEach(upload.organizationId(), file, 0,
                    chunk -> store.runs().addItems(runId, chunkApplication.apply(upload, chunk, true, report)));
            store.runs().finish(runId, RunState.PLANNED, clock.instant(), report.counts(), null);
            ImportReport.Refusal refusal = upload.mode() == ImportMode.ALL_OR_NOTHING && validation.invalid() > 0
                    ? allOrNothing(validation) : null;
            return report.build(null, runId.toString(), upload, true, ImportState.PLANNED, rows, refusal);
        } catch (CsvFileRefused e) {
            return refused(upload, true, new ImportReport.Refusal(e.code(), e.getMessage()), 0, List.of());
        } finally {
            StagedFile.delete(file);
        }
    }

    /** What an upload to be applied becomes: an import to run, or a report saying why the file is refused. */
    public sealed interface Admission {
        record Accepted(CsvImport csvImport) implements Admission {
        }

        record Refused(ImportReport report) implements Admission {
        }
    }

    /**
     * Applies the file: the same steps as the dry run, committed. A file that is the same as an unfinished import
     * of the organization (a drop-folder file seen again after a crash) finishes that import instead.
     */
    public ImportReport apply(Upload upload, InputStream content) {
        Admission admission = admit(upload, content);
        if (admission instanceof Admission.Refused refused) {
            return refused.report();
        }
        return run(((Admission.Accepted) admission).csvImport());
    }

    /**
     * Keeps the file, checks its limits and (in {@code all-or-nothing} mode) its rows, and records it as a running
     * import, without applying any row yet: {@link #run(CsvImport)} does that, now or on another thread. From here
     * on the import is finished even if the process dies.
     */
    public Admission admit(Upload upload, InputStream content) {
        ImportId id = ImportId.random();
        Path file = settings.workDirectory().resolve(id + ".csv");
        StagedFile staged;
        RowChunks.Validation validation;
        try {
            staged = StagedFile.copy(content, file, settings.limits().maxBytes());
            Optional<CsvImport> unfinished = ledger.findUnfinished(upload.organizationId(), staged.digest());
            if (unfinished.isPresent()) {
                StagedFile.delete(file);
                log.info("{} is the unfinished import {}: resuming it", upload.fileName(), unfinished.get().id());
                return new Admission.Accepted(unfinished.get());
            }
            validation = chunks.validate(upload.organizationId(), file);
        } catch (CsvFileRefused e) {
            StagedFile.delete(file);
            return new Admission.Refused(refused(upload, false, new ImportReport.Refusal(e.code(), e.getMessage()), 0,
                    List.of()));
        }
        if (upload.mode() == ImportMode.ALL_OR_NOTHING && validation.invalid() > 0) {
            StagedFile.delete(file);
            return new Admission.Refused(refused(upload, false, allOrNothing(validation), validation.rows(),
                    validation.problems()));
        }
        try {
            onboarding.admitBulk(upload.organizationId(), Source.CSV, validation.rows() - validation.invalid());
        } catch (BulkOnboardingRefused e) {
            StagedFile.delete(file);
            return new Admission.Refused(refused(upload, false, new ImportReport.Refusal(e.code(), e.getMessage()),
                    validation.rows(), List.of()));
        }
        RunId runId = RunId.random();
        var now = clock.instant();
        var csvImport = new CsvImport(id, upload.organizationId(), runId, upload.fileName(), staged.digest(),
                file.toString(), upload.mode(), upload.actor(), validation.rows(), 0, Map.of(), ImportState.RUNNING,
                now, now);
        store.transactions().inTransaction(() -> {
            startRun(runId, upload, false, upload.via() + " " + upload.fileName() + " (import " + id + ")");
            ledger.create(csvImport);
            return null;
        });
        return new Admission.Accepted(csvImport);
    }

    /**
     * Applies the rows of an admitted import not yet applied. In one process an import runs once at a time: a second
     * caller (the drop folder and the resume at start) waits for the first and gets its report.
     */
    public ImportReport run(CsvImport csvImport) {
        return process(csvImport);
    }

    /** Finishes every import a previous process left running; one that fails again stays for the next start. */
    public List<ImportReport> resumeUnfinished() {
        var reports = new ArrayList<ImportReport>();
        for (CsvImport csvImport : ledger.unfinished()) {
            log.info("resuming CSV import {} of {} after row {} of {}", csvImport.id(), csvImport.fileName(),
                    csvImport.rowsDone(), csvImport.totalRows());
            try {
                reports.add(process(csvImport));
            } catch (RuntimeException e) {
                log.warn("CSV import {} could not be resumed: {}", csvImport.id(), e.toString());
            }
        }
        return reports;
    }

    public Optional<CsvImport> find(OrganizationId organization, ImportId id) {
        return ledger.find(organization, id);
    }

    private ImportReport process(CsvImport csvImport) {
        var mine = new CompletableFuture<ImportReport>();
        CompletableFuture<ImportReport> other = running.putIfAbsent(csvImport.id(), mine);
        if (other != null) {
            try {
                return other.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            ImportReport report = applyRemaining(ledger.find(csvImport.organizationId(), csvImport.id())
                    .orElse(csvImport));
            mine.complete(report);
            return report;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(csvImport.id());
        }
    }

    private ImportReport applyRemaining(CsvImport csvImport) {
        var upload = new Upload(csvImport.organizationId(), csvImport.actor(), csvImport.fileName(), csvImport.mode(),
                "import");
        String importId = csvImport.id().toString();
        if (csvImport.state() != ImportState.RUNNING) {
            return new ImportReport(importId, csvImport.runId().toString(), csvImport.organizationId().toString(),
                    csvImport.fileName(), false, csvImport.mode().label(), csvImport.state(), csvImport.totalRows(),
                    csvImport.counts(), 0, List.of(), List.of(), csvImport.rowsDone() > 0, null);
        }
        Path file = Path.of(csvImport.storedFile());
        if (!Files.exists(file)) {
            var refusal = new ImportReport.Refusal("file-lost", "the stored copy " + file + " of " + csvImport.fileName()
                    + " is gone; rows after " + csvImport.rowsDone() + " were not applied: upload the file again");
            finish(csvImport, ImportState.FAILED, csvImport.counts(), refusal.message());
            return new ReportBuilder(0, csvImport.counts()).build(importId, csvImport.runId().toString(), upload, false,
                    ImportState.FAILED, csvImport.totalRows(), refusal);
        }
        var report = new ReportBuilder(settings.reportRows(), csvImport.counts());
        int rows = chunks.forEach(csvImport.organizationId(), file, csvImport.rowsDone(), chunk -> {
            List<ItemResult> items = chunkApplication.apply(upload, chunk, false, report);
            int done = chunk.get(chunk.size() - 1).index() + 1;
            observer.chunkApplied(csvImport, done);
            store.transactions().inTransaction(() -> {
                store.runs().addItems(csvImport.runId(), items);
                ledger.progress(csvImport.id(), done, report.counts(), clock.instant());
                return null;
            });
        });
        ImportState state = report.rejected() > 0 ? ImportState.COMPLETED_WITH_ERRORS : ImportState.SUCCEEDED;
        finish(csvImport, state, report.counts(), null);
        StagedFile.delete(file);
        log.info("CSV import {} of {} finished: {}", csvImport.id(), csvImport.fileName(), report.counts());
        return report.build(importId, csvImport.runId().toString(), upload, false, state, rows, null);
    }

    private void finish(CsvImport csvImport, ImportState state, Map<String, Integer> counts, String error) {
        RunState runState = state == ImportState.SUCCEEDED ? RunState.SUCCEEDED
                : state == ImportState.COMPLETED_WITH_ERRORS ? RunState.COMPLETED_WITH_ERRORS : RunState.FAILED;
        store.transactions().inTransaction(() -> {
            store.runs().finish(csvImport.runId(), runState, clock.instant(), counts, error);
            ledger.finish(csvImport.id(), state, counts, clock.instant());
            return null;
        });
    }

    private static ImportReport.Refusal allOrNothing(RowChunks.Validation validation) {
        return new ImportReport.Refusal("all-or-nothing", validation.invalid() + " of " + validation.rows()
                + " rows have problems; with mode all-or-nothing no row is applied until they are fixed");
    }

    /** A file refused as a whole, recorded as a failed run so that the history shows it. */
    private ImportReport refused(Upload upload, boolean dryRun, ImportReport.Refusal refusal, int rows,
                                 List<RowProblem> problems) {
        RunId runId = RunId.random();
        startRun(runId, upload, dryRun, upload.via() + " " + upload.fileName());
        store.runs().finish(runId, RunState.FAILED, clock.instant(), Map.of(), refusal.message());
        var report = new ReportBuilder(settings.reportRows(), Map.of());
        report.addProblems(problems);
        return report.build(null, runId.toString(), upload, dryRun, ImportState.REFUSED, rows, refusal);
    }

    private void startRun(RunId runId, Upload upload, boolean dryRun, String trigger) {
        store.runs().start(new Run(runId, upload.organizationId(), Source.CSV, upload.actor().name(), trigger, dryRun,
                RunState.RUNNING, clock.instant(), null, null, null));
    }
}
