package dev.muster.api;

import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.Runs;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditLog;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail and the run history of every path. */
@RestController
@RequestMapping("/api/organizations/{org}")
class AuditAndRunsController {
    private final KnownOrganization known;
    private final AuditLog audit;
    private final Runs runs;

    AuditAndRunsController(KnownOrganization known, AuditLog audit, Runs runs) {
        this.known = known;
        this.audit = audit;
        this.runs = runs;
    }

    @GetMapping("/events")
    Page<AuditEvent> events(@PathVariable String org, @RequestParam(defaultValue = "0") long offset,
                            @RequestParam(defaultValue = "50") int limit) {
        return audit.page(known.resolve(org), offset, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/runs")
    Page<Run> runs(@PathVariable String org, @RequestParam(defaultValue = "0") long offset,
                   @RequestParam(defaultValue = "50") int limit) {
        return runs.page(known.resolve(org), offset, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/runs/{run}")
    Run run(@PathVariable String org, @PathVariable String run) {
        OrganizationId id = known.resolve(org);
        return runs.find(id, RunId.of(run)).orElseThrow(() -> ApiProblems.Refused.notFound("run " + run));
    }

    @GetMapping("/runs/{run}/items")
    Page<ItemResult> items(@PathVariable String org, @PathVariable String run,
                           @RequestParam(defaultValue = "0") long offset,
                           @RequestParam(defaultValue = "100") int limit) {
        OrganizationId id = known.resolve(org);
        RunId runId = RunId.of(run);
        runs.find(id, runId).orElseThrow(() -> ApiProblems.Refused.notFound("run " + run));
        return runs.items(id, runId, offset, Math.min(Math.max(limit, 1), 1000));
    }
}
