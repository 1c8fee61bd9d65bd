package dev.muster.readiness.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** {@code POST /api/organizations/{org}/import}: collections and groups from a JSON file, dry run on request. */
@RestController
@RequestMapping("/api/organizations/{org}")
class ImportController {
    private final KnownOrganizations known;
    private final SharedDataImport importer;

    ImportController(KnownOrganizations known, SharedDataImport importer) {
        this.known = known;
        this.importer = importer;
    }

    @PostMapping(value = "/import", consumes = {"application/json", "text/plain"})
    SharedDataImport.Result run(@PathVariable String org, @RequestParam(defaultValue = "false") boolean dryRun,
                                @RequestBody String file) {
        return importer.run(known.find(org).id(), file, dryRun);
    }

    /** Lists every error of the file with its position. */
    @ExceptionHandler(SharedDataImport.Invalid.class)
    ProblemDetail invalid(SharedDataImport.Invalid e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(URI.create("https://muster.dev/problems/invalid-import"));
        problem.setProperty("code", "invalid-import");
        problem.setProperty("errors", e.errors);
        return problem;
    }
}
