package dev.muster.web;

import dev.muster.organization.Emails;
import dev.muster.organization.Members;
import dev.muster.organization.Organization;
import dev.muster.organization.Organizations;
import dev.muster.organization.Plan;
import dev.muster.organizations.OrganizationCreation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The organizations: a list with seat use, and a form that creates one with its first confirmed owner. */
@Controller
@RequestMapping("/admin/organizations")
class OrganizationsPages {
    private final Organizations organizations;
    private final Members members;
    private final OrganizationCreation creation;

    OrganizationsPages(Organizations organizations, Members members, OrganizationCreation creation) {
        this.organizations = organizations;
        this.members = members;
        this.creation = creation;
    }

    record Row(String id, String name, String plan, int seats, Integer seatLimit, long occupied, String createdAt) {
    }

    /** The create form as typed; {@link #problems()} names every field that is wrong. */
    record NewOrganization(String name, String plan, String seats, String seatLimit, String ownerEmail,
                           String ownerName) {
        static NewOrganization blank() {
            return new NewOrganization("", "TRIAL", "10", "", "", "");
        }

        List<String> problems() {
            var problems = new ArrayList<String>();
            if (name == null || name.isBlank()) {
                problems.add("Name: give the organization a name.");
            } else if (name.strip().length() > 200) {
                problems.add("Name: at most 200 characters.");
            }
            if (plan != null && !plan.isBlank() && java.util.Arrays.stream(Plan.values())
                    .noneMatch(p -> p.name().equals(plan))) {
                problems.add("Plan: choose trial or production.");
            }
            if (number(seats) == null || number(seats) < 0) {
                problems.add("Seats: a whole number, 0 or more.");
            }
            if (seatLimit != null && !seatLimit.isBlank() && (number(seatLimit) == null
                    || number(seats) != null && number(seatLimit) < number(seats))) {
                problems.add("Seat limit: empty, or a whole number at least the seats.");
            }
            if (ownerEmail != null && !ownerEmail.isBlank() && !Emails.isValid(ownerEmail)) {
                problems.add("Owner e-mail: \u201c" + ownerEmail + "\u201d is not a valid e-mail address.");
            }
            return problems;
        }

        private static Integer number(String text) {
            try {
                return text == null ? null : Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", NewOrganization.blank());
        return page(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") NewOrganization form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", problems);
            return page(model);
        }
        Organization created = insert(form);
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.ok("Organization " + created.name() + " created."));
        return "redirect:/admin/organizations/" + created.id() + "/members";
    }

    @GetMapping("/{org}")
    String organization(@PathVariable String org) {
        return "redirect:/admin/organizations/" + org + "/members";
    }

    private String page(Model model) {
        model.addAttribute("rows", organizations.list().stream()
                .sorted(java.util.Comparator.comparing(o -> o.name().toLowerCase()))
                .map(o -> new Row(o.id().toString(), o.name(), Views.words(o.plan()), o.seats(), o.seatLimit(),
                        members.countOccupyingSeats(o.id()), Views.time(o.createdAt()))).toList());
        model.addAttribute("plans", Plan.values());
        return "organizations";
    }

    private Organization insert(NewOrganization form) {
        boolean owner = form.ownerEmail() != null && !form.ownerEmail().isBlank();
        return creation.create(new OrganizationCreation.Request(form.name(),
                form.plan() == null || form.plan().isBlank() ? Plan.TRIAL : Plan.valueOf(form.plan()),
                Integer.valueOf(form.seats().strip()), form.seatLimit() == null || form.seatLimit().isBlank()
                ? null : Integer.valueOf(form.seatLimit().strip()), UnaryOperator.identity(),
                owner ? new OrganizationCreation.Owner(form.ownerEmail(), form.ownerName()) : null),
                Views.ADMIN, "created in the admin pages");
    }
}
