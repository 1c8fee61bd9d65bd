package dev.muster.web;

import dev.muster.directory.DirectoryConfigurations;
import dev.muster.ldap.DirectoryConfiguration;
import dev.muster.ldap.DirectoryPreset;
import dev.muster.ldap.DirectorySync;
import dev.muster.ldap.SyncResult;
import dev.muster.onboarding.RunId;
import dev.muster.organization.Organization;
import dev.muster.routes.DirectorySchedules;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.TreeMap;

/**
 * An organization's directory sync: its settings (the bind password can be replaced, never shown), a connection
 * test, a dry run whose plan is the run's items, and approving or rejecting a run held by the revocation limits.
 * Through the same {@link DirectoryConfigurations}, {@link DirectorySync} and {@code onboarding-ldap} route as
 * the API.
 */
@Controller
@RequestMapping("/admin/organizations/{org}")
class DirectoryPages {
    private final CurrentOrganization current;
    private final DirectoryConfigurations store;
    private final DirectorySync sync;
    private final DirectoryRuns runs;

    DirectoryPages(CurrentOrganization current, DirectoryConfigurations store, DirectorySync sync,
                   DirectoryRuns runs) {
        this.current = current;
        this.store = store;
        this.sync = sync;
        this.runs = runs;
    }

    @GetMapping("/directory")
    String settings(@PathVariable String org, Model model) {
        Organization organization = current.resolve(org);
        model.addAttribute("form", store.find(organization.id()).map(DirectoryForm::of)
                .orElseGet(DirectoryForm::blank));
        return page(organization, model);
    }

    @PostMapping("/directory")
    String save(@PathVariable String org, @ModelAttribute("form") DirectoryForm form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Organization organization = current.resolve(org);
        DirectoryConfiguration stored = store.find(organization.id()).orElse(null);
        try {
            DirectoryConfiguration configuration = form.toConfiguration(stored);
            DirectorySchedules.requireValidCron(configuration.schedule());
            if (configuration.connection().bindDn() != null && configuration.connection().bindPassword() == null
                    && !store.passwordStored(organization.id())) {
                throw new IllegalArgumentException("Bind password: required with a bind DN");
            }
            store.save(organization.id(), configuration);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form.withoutPassword());
            model.addAttribute("problem", e.getMessage());
            return page(organization, model);
        }
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.ok("Directory settings saved."));
        return "redirect:/admin/organizations/" + organization.id() + "/directory";
    }

    @PostMapping("/directory/test")
    String test(@PathVariable String org, Model model) {
        Organization organization = current.resolve(org);
        DirectoryConfiguration configuration = configured(organization);
        model.addAttribute("form", DirectoryForm.of(configuration));
        model.addAttribute("test", DirectorySync.test(configuration));
        return page(organization, model);
    }

    @PostMapping("/directory/sync")
    String run(@PathVariable String org, @RequestParam(defaultValue = "true") boolean dryRun,
               RedirectAttributes redirect) {
        Organization organization = current.resolve(org);
        configured(organization);
        SyncResult result = running(() -> runs.sync(organization.id(), dryRun));
        redirect.addFlashAttribute(Notice.ATTRIBUTE, notice(dryRun ? "Dry run" : "Sync", result));
        return "redirect:/admin/organizations/" + organization.id() + "/runs/" + result.run();
    }

    @PostMapping("/runs/{run}/approve")
    String approve(@PathVariable String org, @PathVariable String run, RedirectAttributes redirect) {
        Organization organization = current.resolve(org);
        SyncResult result = held(run, () -> running(() -> sync.approve(organization.id(), runId(run))));
        redirect.addFlashAttribute(Notice.ATTRIBUTE, notice("Approved: the run", result));
        return "redirect:/admin/organizations/" + organization.id() + "/runs/" + result.run();
    }

    @PostMapping("/runs/{run}/reject")
    String reject(@PathVariable String org, @PathVariable String run, RedirectAttributes redirect) {
        Organization organization = current.resolve(org);
        held(run, () -> {
            sync.reject(organization.id(), runId(run));
            return null;
        });
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.ok("Rejected: nothing of this run was applied."));
        return "redirect:/admin/organizations/" + organization.id() + "/runs/" + run;
    }

    private String page(Organization organization, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "directory");
        model.addAttribute("configured", store.find(organization.id()).isPresent());
        model.addAttribute("passwordStored", store.passwordStored(organization.id()));
        model.addAttribute("presets", DirectoryPreset.values());
        model.addAttribute("awaiting", runs.awaitingApproval(organization.id()).stream()
                .map(RunsPages.RunRow::of).toList());
        return "directory";
    }

    private DirectoryConfiguration configured(Organization organization) {
        return store.find(organization.id()).orElseThrow(() -> new PageProblem(HttpStatus.NOT_FOUND,
                "This organization has no directory settings yet", "Fill in the directory settings and save them."));
    }

    private static Notice notice(String what, SyncResult result) {
        Map<String, Integer> counts = new TreeMap<>(result.counts());
        String text = what + " " + Views.words(result.state()) + (counts.isEmpty() ? "" : ": "
                + counts.entrySet().stream().map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")))
                + (result.error() == null ? "." : " \u2014 " + result.error());
        return result.state().name().equals("FAILED") ? Notice.refused(text) : Notice.ok(text);
    }

    private static RunId runId(String run) {
        try {
            return RunId.of(run);
        } catch (IllegalArgumentException e) {
            throw PageProblem.notFound("run", run);
        }
    }

    private static <T> T running(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DirectorySync.AlreadyRunning e) {
            throw new PageProblem(HttpStatus.CONFLICT, "A sync of this organization is running",
                    "Nothing was started. Wait for it to finish, then try again.");
        }
    }

    private static <T> T held(String run, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DirectorySync.NoHeldPlan e) {
            throw new PageProblem(HttpStatus.CONFLICT, "Run \u201c" + run + "\u201d is not awaiting approval",
                    "It may have been approved or rejected already. Nothing was changed.");
        } catch (DirectorySync.NotConfigured e) {
            throw new PageProblem(HttpStatus.NOT_FOUND, "This organization has no directory settings",
                    "Nothing was changed.");
        }
    }
}
