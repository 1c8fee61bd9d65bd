package dev.muster.api;

import dev.muster.csv.CsvImport;
import dev.muster.csv.CsvInvitations;
import dev.muster.csv.ImportId;
import dev.muster.csv.ImportMode;
import dev.muster.csv.ImportReport;
import dev.muster.csv.ImportState;
import dev.muster.csv.Upload;
import dev.muster.csvimport.BackgroundImports;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * CSV invitations by upload: {@code dryRun=true} (the default) answers the plan row by row, {@code dryRun=false}
 * applies it; {@code mode=all-or-nothing} applies nothing while any row has a problem. The body is the file
 * ({@code text/csv}) or a multipart form with a {@code file} part. A file refused as a whole answers 422 with the
 * report naming why. With {@code async=true} an applied file answers 202 as soon as it is checked and recorded,
 * with the import's status to poll.
 */
@RestController
@RequestMapping("/api/organizations/{org}/invitations/csv")
class CsvInvitationsController {
    private final KnownOrganization known;
    private final CsvInvitations invitations;
    private final BackgroundImports background;

    CsvInvitationsController(KnownOrganization known, CsvInvitations invitations, BackgroundImports background) {
        this.known = known;
        this.invitations = invitations;
        this.background = background;
    }

    record ImportStatus(String id, String runId, String fileName, String mode, ImportState state, int totalRows,
                        int rowsDone, Map<String, Integer> counts, String createdAt, String updatedAt) {
        static ImportStatus of(CsvImport i) {
            return new ImportStatus(i.id().toString(), i.runId().toString(), i.fileName(), i.mode().label(),
                    i.state(), i.totalRows(), i.rowsDone(), i.counts(), i.createdAt().toString(),
                    i.updatedAt().toString());
        }
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
            "application/vnd.ms-excel"})
    ResponseEntity<Object> upload(@PathVariable String org, @RequestParam(defaultValue = "true") boolean dryRun,
                                  @RequestParam(defaultValue = "false") boolean async,
                                  @RequestParam(required = false) String mode,
                                  @RequestParam(required = false) String fileName,
                                  @RequestHeader(value = Actors.HEADER, required = false) String acting,
                                  HttpServletRequest request) throws IOException {
        return run(org, new Options(dryRun, async, mode), fileName == null ? "upload.csv" : fileName, acting,
                request.getInputStream());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> uploadForm(@PathVariable String org, @RequestParam(defaultValue = "true") boolean dryRun,
                                      @RequestParam(defaultValue = "false") boolean async,
                                      @RequestParam(required = false) String mode,
                                      @RequestPart("file") MultipartFile file,
                                      @RequestHeader(value = Actors.HEADER, required = false) String acting)
            throws IOException {
        return run(org, new Options(dryRun, async, mode), file.getOriginalFilename(), acting, file.getInputStream());
    }

    @GetMapping("/imports/{id}")
    ImportStatus status(@PathVariable String org, @PathVariable String id) {
        OrganizationId organization = known.resolve(org);
        ImportId importId;
        try {
            importId = ImportId.of(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.Refused.notFound("import " + id);
        }
        return invitations.find(organization, importId).map(ImportStatus::of)
                .orElseThrow(() -> ApiProblems.Refused.notFound("import " + id));
    }

    private record Options(boolean dryRun, boolean async, String mode) {
    }

    private ResponseEntity<Object> run(String org, Options options, String fileName, String acting,
                                       InputStream content) {
        OrganizationId organization = known.resolve(org);
        Actor actor = acting == null || acting.isBlank()
                ? Actor.system(Actor.Kind.CSV_IMPORT, "admin upload " + fileName) : Actors.of(acting);
        var upload = new Upload(organization, actor, fileName, ImportMode.of(options.mode()), "upload");
        if (options.dryRun()) {
            return answer(invitations.plan(upload, content));
        }
        CsvInvitations.Admission admission = invitations.admit(upload, content);
        if (admission instanceof CsvInvitations.Admission.Refused refused) {
            return answer(refused.report());
        }
        CsvImport admitted = ((CsvInvitations.Admission.Accepted) admission).csvImport();
        if (!options.async()) {
            return answer(invitations.run(admitted));
        }
        background.start(admitted);
        return ResponseEntity.accepted().location(URI.create("/api/organizations/" + organization
                + "/invitations/csv/imports/" + admitted.id())).body(ImportStatus.of(admitted));
    }

    private static ResponseEntity<Object> answer(ImportReport report) {
        HttpStatus status = report.state() == ImportState.REFUSED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        return ResponseEntity.status(status).body(report);
    }
}
