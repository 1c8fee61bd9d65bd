package dev.muster.api;

import dev.muster.csv.CsvWriter;
import dev.muster.onboarding.Change;
import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.Runs;
import dev.muster.organization.ExternalIdentity;
import dev.muster.organization.Member;
import dev.muster.organization.MemberQuery;
import dev.muster.organization.Members;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Page;
import dev.muster.organization.Permission;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Spreadsheet exports: the members of an organization and the per-row report of a run. Streamed page by page;
 * every cell passes through {@link CsvWriter}, which neutralises formulas.
 */
@RestController
@RequestMapping("/api/organizations/{org}")
class CsvExportsController {
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final int PAGE = 500;

    private final KnownOrganization known;
    private final Members members;
    private final Runs runs;

    CsvExportsController(KnownOrganization known, Members members, Runs runs) {
        this.known = known;
        this.members = members;
        this.runs = runs;
    }

    @GetMapping("/members/export.csv")
    ResponseEntity<StreamingResponseBody> members(@PathVariable String org) {
        OrganizationId id = known.resolve(org);
        StreamingResponseBody body = out -> {
            var csv = CsvWriter.forSpreadsheets(out);
            csv.row("email", "name", "status", "role", "sources", "externalIds", "attributes");
            for (long offset = 0; ; offset += PAGE) {
                Page<Member> page = members.list(new MemberQuery(id, null, null, null, offset, PAGE));
                page.items().forEach(m -> csv.row(memberCells(m)));
                if (page.items().size() < PAGE) {
                    break;
                }
            }
            csv.flush();
        };
        return download("members.csv", body);
    }

    @GetMapping("/runs/{run}/items.csv")
    ResponseEntity<StreamingResponseBody> runItems(@PathVariable String org, @PathVariable String run) {
        OrganizationId id = known.resolve(org);
        RunId runId = RunId.of(run);
        runs.find(id, runId).orElseThrow(() -> ApiProblems.Refused.notFound("run " + run));
        StreamingResponseBody body = out -> {
            var csv = CsvWriter.forSpreadsheets(out);
            csv.row("item", "key", "outcome", "code", "detail");
            for (long offset = 0; ; offset += PAGE) {
                Page<ItemResult> page = runs.items(id, runId, offset, PAGE);
                page.items().forEach(i -> csv.row(itemCells(i)));
                if (page.items().size() < PAGE) {
                    break;
                }
            }
            csv.flush();
        };
        return download("run-" + run + ".csv", body);
    }

    private static List<String> memberCells(Member m) {
        String role = m.role().name().toLowerCase(java.util.Locale.ROOT) + (m.permissions().isEmpty() ? ""
                : ":" + m.permissions().stream().map(Permission::name).sorted().collect(Collectors.joining(";")));
        return List.of(m.email(), m.name() == null ? "" : m.name(), m.status().name(), role,
                m.identities().stream().map(i -> i.source().name()).sorted().collect(Collectors.joining(";")),
                m.identities().stream().map(ExternalIdentity::sourceId).sorted().collect(Collectors.joining(";")),
                m.attributes().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
    }

    private static List<String> itemCells(ItemResult item) {
        ItemOutcome outcome = item.outcome();
        String code = "";
        String detail = "";
        if (outcome instanceof ItemOutcome.Applied applied) {
            detail = applied.changes().stream().map(Change::toString).collect(Collectors.joining("; "));
        } else if (outcome instanceof ItemOutcome.Skipped skipped) {
            code = skipped.code();
            detail = skipped.reason();
        } else if (outcome instanceof ItemOutcome.Rejected rejected) {
            code = rejected.code();
            detail = rejected.reason();
        } else if (outcome instanceof ItemOutcome.Failed failed) {
            detail = failed.reason();
        }
        return List.of(String.valueOf(item.index()), item.key() == null ? "" : item.key(), outcome.label(), code,
                detail);
    }

    private static ResponseEntity<StreamingResponseBody> download(String name, StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
