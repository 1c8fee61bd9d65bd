package dev.muster.web;

import dev.muster.organization.Organization;
import dev.muster.readiness.ReadinessFactsSource;
import dev.muster.readiness.ReadinessGate;
import dev.muster.readiness.ReadinessItem;
import dev.muster.readiness.ReadinessReport;
import dev.muster.readiness.ReadinessRules;
import dev.muster.readiness.ReadinessStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * The production readiness checklist of an organization, step by step: each item's status, why, and how to fix it,
 * with whether the readiness gate holds bulk onboarding back. Evaluated as the API evaluates it
 * ({@link ReadinessRules} over the {@link ReadinessFactsSource}); the page changes nothing.
 */
@Controller
@RequestMapping("/admin/organizations/{org}/readiness")
class ReadinessPages {
    private final CurrentOrganization current;
    private final ReadinessFactsSource facts;
    private final ReadinessGate gate;

    ReadinessPages(CurrentOrganization current, ReadinessFactsSource facts, ReadinessGate gate) {
        this.current = current;
        this.facts = facts;
        this.gate = gate;
    }

    /** The items of one production step, in the report's order. */
    record Step(int number, List<ReadinessItem> items) {
    }

    @GetMapping
    String checklist(@PathVariable String org, Model model) {
        Organization organization = current.resolve(org);
        ReadinessReport report = ReadinessRules.evaluate(facts.gather(organization.id()));
        Map<Integer, List<ReadinessItem>> byStep = new TreeMap<>();
        report.items().forEach(i -> byStep.computeIfAbsent(i.step(), s -> new ArrayList<>()).add(i));
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "readiness");
        model.addAttribute("report", report);
        model.addAttribute("at", Views.time(report.at()));
        model.addAttribute("steps", byStep.entrySet().stream().map(e -> new Step(e.getKey(), e.getValue())).toList());
        model.addAttribute("passing", report.counts().getOrDefault(ReadinessStatus.PASS, 0L));
        model.addAttribute("warning", report.counts().getOrDefault(ReadinessStatus.WARN, 0L));
        model.addAttribute("failing", report.counts().getOrDefault(ReadinessStatus.FAIL, 0L));
        model.addAttribute("gateOn", organization.settings().readinessGate());
        model.addAttribute("threshold", gate.threshold());
        return "readiness";
    }
}
