package dev.muster.web;

import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditLog;
import dev.muster.organization.Organization;
import dev.muster.organization.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail of an organization, newest first: who or what changed what, when and why. */
@Controller
class AuditPages {
    private final CurrentOrganization current;
    private final AuditLog audit;

    AuditPages(CurrentOrganization current, AuditLog audit) {
        this.current = current;
        this.audit = audit;
    }

    /** @param member the member the event is about, for a link, {@code null} when it is about something else */
    record EventRow(String at, String actor, String type, String subject, String member, String detail,
                    String reason) {
        static EventRow of(AuditEvent e) {
            return new EventRow(Views.time(e.at()), Views.words(e.actor().kind()) + ": " + e.actor().name(),
                    e.type().name(), e.subject(), e.type().name().startsWith("MEMBER_") ? e.subject() : null,
                    e.detail(), e.reason());
        }
    }

    @GetMapping("/admin/organizations/{org}/events")
    String events(@PathVariable String org, @RequestParam(defaultValue = "0") long offset,
                  HttpServletRequest request, Model model) {
        Organization organization = current.resolve(org);
        Page<AuditEvent> page = audit.page(organization.id(), Math.max(0, offset), 50);
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "events");
        model.addAttribute("rows", page.items().stream().map(EventRow::of).toList());
        model.addAttribute("paging", Paging.of(page, request));
        return "events";
    }
}
