package dev.muster.web;

import dev.muster.onboarding.ItemOutcome;
import dev.muster.onboarding.ItemResult;
import dev.muster.onboarding.Run;
import dev.muster.onboarding.RunId;
import dev.muster.onboarding.Runs;
import dev.muster.organization.MemberId;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The run history of every path, and one run with the outcome of each of its items. */
@Controller
@RequestMapping("/admin/organizations/{org}/runs")
class RunsPages {
    private final CurrentOrganization current;
    private final Runs runs;
    private final Members members;

    RunsPages(CurrentOrganization current, Runs runs, Members members) {
        this.current = current;
        this.runs = runs;
        this.members = members;
    }

    record RunRow(String id, String startedAt, String finishedAt, String source, String actor, String trigger,
                  boolean dryRun, String state, String counts, String error) {
        static RunRow of(Run run) {
            Map<String, Integer> counts = new TreeMap<>(run.counts());
            return new RunRow(run.id().toString(), Views.time(run.startedAt()), Views.time(run.finishedAt()),
                    run.source().name(), run.actor(), run.trigger(), run.dryRun(), run.state().name(),
                    counts.entrySet().stream().filter(e -> e.getValue() != 0)
                            .map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
                            .collect(Collectors.joining(", ")),
                    run.error());
        }
    }

    /**
     * @param subject the member or group the item concerns, when the outcome names it
     * @param member the member's e-mail when the subject is a member that still exists (the page links it)
     */
    record ItemRow(int index, String key, String outcome, String subject, String member, String code,
                   String reason, List<String> changes) {
        ItemRow withMember(String email) {
            return new ItemRow(index, key, outcome, subject, email, code, reason, changes);
        }

        static ItemRow of(ItemResult item) {
            ItemOutcome o = item.outcome();
            if (o instanceof ItemOutcome.Applied a) {
                return new ItemRow(item.index(), item.key(), o.label(), a.subject(), null, null, null,
                        a.changes().stream().map(Notice::words).toList());
            }
            if (o instanceof ItemOutcome.Unchanged u) {
                return new ItemRow(item.index(), item.key(), o.label(), u.subject(), null, null, null, List.of());
            }
            if (o instanceof ItemOutcome.Skipped s) {
                return new ItemRow(item.index(), item.key(), o.label(), s.subject(), null, s.code(), s.reason(),
                        List.of());
            }
            if (o instanceof ItemOutcome.Rejected r) {
                return new ItemRow(item.index(), item.key(), o.label(), null, null, r.code(), r.reason(), List.of());
            }
            ItemOutcome.Failed f = (ItemOutcome.Failed) o;
            return new ItemRow(item.index(), item.key(), o.label(), null, null,
                    f.retryable() ? "retryable" : null,
                    f.reason(), List.of());
        }
    }

    @GetMapping
    String list(@PathVariable String org, @RequestParam(defaultValue = "0") long offset,
                HttpServletRequest request, Model model) {
        Organization organization = current.resolve(org);
        Page<Run> page = runs.page(organization.id(), Math.max(0, offset), 25);
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "runs");
        model.addAttribute("rows", page.items().stream().map(RunRow::of).toList());
        model.addAttribute("paging", Paging.of(page, request));
        return "runs";
    }

    @GetMapping("/{run}")
    String run(@PathVariable String org, @PathVariable String run, @RequestParam(defaultValue = "0") long offset,
               HttpServletRequest request, Model model) {
        Organization organization = current.resolve(org);
        RunId id;
        try {
            id = RunId.of(run);
        } catch (IllegalArgumentException e) {
            throw PageProblem.notFound("run", run);
        }
        Run found = runs.find(organization.id(), id).orElseThrow(() -> PageProblem.notFound("run", run));
        Page<ItemResult> items = runs.items(organization.id(), id, Math.max(0, offset), 100);
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "runs");
        model.addAttribute("run", RunRow.of(found));
        model.addAttribute("items", items.items().stream().map(ItemRow::of)
                .map(row -> row.withMember(email(organization, row.subject()))).toList());
        model.addAttribute("paging", Paging.of(items, request));
        return "run";
    }

    /** The e-mail of the member an item concerns; {@code null} for a group, a removed member or no subject. */
    private String email(Organization organization, String subject) {
        if (subject == null) {
            return null;
        }
        try {
            return members.find(organization.id(), MemberId.of(subject)).map(m -> m.email()).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
