package dev.muster.rolerules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import dev.muster.roles.RuleProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /api/organizations/{org}/role-rules}: read the current rule set with its version, save a new one
 * (YAML or JSON, by {@code Content-Type}), preview a candidate, and list the saved versions.
 */
@RestController
@RequestMapping("/api/organizations/{org}/role-rules")
class RoleRulesController {
    private static final List<MediaType> YAML = List.of(MediaType.parseMediaType("application/yaml"),
            MediaType.parseMediaType("application/x-yaml"), MediaType.parseMediaType("text/yaml"));

    private final Organizations organizations;
    private final RuleSetVersions versions;
    private final RuleSetChanges changes;
    private final RuleSetDocuments documents;

    RoleRulesController(Organizations organizations, RuleSetVersions versions, RuleSetChanges changes,
                        RuleSetDocuments documents) {
        this.organizations = organizations;
        this.versions = versions;
        this.changes = changes;
        this.documents = documents;
    }

    record Current(long version, RuleSetFormat format, String savedAt, String savedBy, String runId,
                   JsonNode rules, String document) {
    }

    record Saved(long version, String savedAt, String savedBy, List<Problem> warnings, RunView applied) {
    }

    record Previewed(boolean valid, List<Problem> warnings, List<MemberView> requiresConfirmation, RunView run) {
    }

    record Version(long version, RuleSetFormat format, String savedAt, String savedBy, String runId) {
    }

    record Problem(String severity, int ruleIndex, String rule, String field, String location, String message) {
        static Problem of(RuleProblem p) {
            return new Problem(p.severity().name(), p.ruleIndex(), p.rule(), p.field(), p.location(), p.message());
        }
    }

    record RunView(String runId, boolean dryRun, int evaluated, java.util.Map<String, Integer> counts,
                   List<MemberView> members) {
        static RunView of(RuleSetRun run) {
            return new RunView(run.runId().toString(), run.dryRun(), run.evaluated(), run.counts(),
                    run.members().stream().map(MemberView::of).toList());
        }
    }

    record MemberView(String memberId, String email, String roleBefore, String roleAfter, String outcome,
                      String reason, List<dev.muster.onboarding.Change> changes, List<String> privilegedLoss) {
        static MemberView of(MemberChange m) {
            return new MemberView(m.memberId(), m.email(), m.roleBefore().name(), m.roleAfter().name(), m.outcome(),
                    m.reason(), m.changes(), m.privilegedLoss());
        }
    }

    @GetMapping
    ResponseEntity<?> get(@PathVariable String org,
                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OrganizationId id = resolve(org);
        var stored = versions.current(id);
        String etag = "\"" + stored.map(StoredRuleSet::version).orElse(0L) + "\"";
        if (accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(m -> YAML.stream()
                .anyMatch(m::equalsTypeAndSubtype)) && stored.isPresent()) {
            return ResponseEntity.ok().eTag(etag).contentType(MediaType.parseMediaType("application/yaml"))
                    .body(stored.get().document());
        }
        Current current = stored.map(s -> new Current(s.version(), s.format(), s.savedAt().toString(), s.savedBy(),
                        s.runId() == null ? null : s.runId().toString(),
                        documents.tree(s.document(), s.format()).get("rules"), s.document()))
                .orElse(new Current(0, null, null, null, null, null, null));
        return ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).body(current);
    }

    @PutMapping(consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> put(@PathVariable String org, @RequestBody(required = false) String body,
                          @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType,
                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                          @RequestParam(defaultValue = "false") boolean confirm) {
        OrganizationId id = resolve(org);
        Long expected = ifMatch == null ? null : version(ifMatch);
        var result = changes.save(id, body, RuleSetFormat.of(contentType), expected, confirm, Actor.admin());
        if (result instanceof RuleSetChanges.SaveResult.Saved saved) {
            StoredRuleSet s = saved.stored();
            return ResponseEntity.ok().eTag("\"" + s.version() + "\"").body(new Saved(s.version(),
                    s.savedAt().toString(), s.savedBy(), saved.warnings().stream().map(Problem::of).toList(),
                    RunView.of(saved.applied())));
        } else if (result instanceof RuleSetChanges.SaveResult.Invalid invalid) {
            return invalid(invalid.errors());
        } else if (result instanceof RuleSetChanges.SaveResult.Stale stale) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "stale-version", "the rule set is at version "
                    + stale.current() + ", not " + stale.expected() + "; read it again and retry");
            problem.setProperty("currentVersion", stale.current());
            problem.setProperty("expectedVersion", stale.expected());
            return respond(problem);
        }
        var needs = (RuleSetChanges.SaveResult.NeedsConfirmation) result;
        List<MemberView> affected = needs.preview().privilegedLosses().stream().map(MemberView::of).toList();
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "confirmation-required", "the rule set would demote "
                + "or take access from owners or admins: " + affected.stream()
                .map(m -> m.email() + " (" + String.join("; ", m.privilegedLoss()) + ")")
                .collect(Collectors.joining(", ")) + "; save again with confirm=true");
        problem.setProperty("members", affected);
        problem.setProperty("previewRunId", needs.preview().runId().toString());
        return respond(problem);
    }

    @PostMapping(path = "/preview", consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> preview(@PathVariable String org, @RequestBody(required = false) String body,
                              @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false)
                              MediaType contentType) {
        OrganizationId id = resolve(org);
        var review = changes.review(id, body, RuleSetFormat.of(contentType));
        if (!review.valid()) {
            return invalid(review.errors());
        }
        RuleSetRun run = changes.preview(id, review.ruleSet(), Actor.admin());
        return ResponseEntity.ok(new Previewed(true, review.warnings().stream().map(Problem::of).toList(),
                run.privilegedLosses().stream().map(MemberView::of).toList(), RunView.of(run)));
    }

    @GetMapping("/history")
    List<Version> history(@PathVariable String org, @RequestParam(defaultValue = "50") int limit) {
        OrganizationId id = resolve(org);
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
        return versions.history(id, limit).stream().map(s -> new Version(s.version(), s.format(),
                s.savedAt().toString(), s.savedBy(), s.runId() == null ? null : s.runId().toString())).toList();
    }

    private OrganizationId resolve(String org) {
        try {
            OrganizationId id = OrganizationId.of(org);
            if (organizations.find(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not an id: no such organization either
        }
        throw new NoSuchOrganization(org);
    }

    private static Long version(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match must carry the version read, e.g. \"3\"; got " + ifMatch);
        }
    }

    private static ResponseEntity<ProblemDetail> invalid(List<RuleProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-rules", errors.size() + " problem"
                + (errors.size() == 1 ? "" : "s") + " in the rule set: " + errors.stream().map(RuleProblem::toString)
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors.stream().map(Problem::of).toList());
        return respond(problem);
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://muster.dev/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The organization in the URL does not exist. */
    static final class NoSuchOrganization extends RuntimeException {
        NoSuchOrganization(String org) {
            super("organization " + org + " does not exist");
        }
    }

    /** Answers for this controller's own refusals, in the API's problem shape. */
    @org.springframework.web.bind.annotation.RestControllerAdvice(assignableTypes = RoleRulesController.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    static class Problems {
        @org.springframework.web.bind.annotation.ExceptionHandler(NoSuchOrganization.class)
        ResponseEntity<ProblemDetail> noSuchOrganization(NoSuchOrganization e) {
            return respond(problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
        }
    }
}
