package dev.muster.web;

import dev.muster.csv.CsvImport;
import dev.muster.csv.CsvInvitations;
import dev.muster.csv.ImportId;
import dev.muster.csv.ImportMode;
import dev.muster.csv.ImportReport;
import dev.muster.csv.ImportState;
import dev.muster.csv.Upload;
import dev.muster.csvimport.BackgroundImports;
import dev.muster.onboarding.ItemResult;
import dev.muster.organization.Page;
import dev.muster.organization.Actor;
import dev.muster.organization.Organization;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * CSV invitations in the pages: upload a file, read the dry run's plan row by row (rejected rows with line, column
 * and why), apply exactly that file, and follow the import to its result. Through the same {@link CsvInvitations}
 * engine and {@link BackgroundImports} as the API; a file of more than {@code muster.web.csv-wait-rows} rows is
 * applied in the background while its page refreshes itself.
 */
@Controller
@RequestMapping("/admin/organizations/{org}/csv")
class CsvPages {
    static final int REFRESH_SECONDS = 2;

    private final CurrentOrganization current;
    private final CsvInvitations invitations;
    private final CsvPreviews previews;
    private final CsvImports imports;

    CsvPages(CurrentOrganization current, CsvInvitations invitations, CsvPreviews previews, CsvImports imports) {
        this.current = current;
        this.invitations = invitations;
        this.previews = previews;
        this.imports = imports;
    }

    @GetMapping
    String form(@PathVariable String org, Model model) {
        return page(current.resolve(org), model, "csv");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@PathVariable String org, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "valid-rows") String mode, HttpSession session,
                  RedirectAttributes redirect) {
        Organization organization = current.resolve(org);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.refused(file == null
                    || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? "Choose a CSV file to upload." : file.getOriginalFilename() + " is empty."));
            return "redirect:" + base(organization);
        }
        ImportMode importMode = mode(mode);
        CsvPreviews.Preview kept;
        try (InputStream in = file.getInputStream()) {
            kept = previews.keep(organization.id(), file.getOriginalFilename(), importMode, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportReport plan;
        try (InputStream in = previews.open(kept)) {
            plan = invitations.plan(upload(organization, kept), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CsvPreviews.Preview planned = kept.withReport(plan);
        if (!applicable(plan)) {
            previews.delete(kept.file());
        }
        previews.remember(session, planned);
        return "redirect:" + base(organization) + "/previews/" + planned.id();
    }

    @GetMapping("/previews/{preview}")
    String preview(@PathVariable String org, @PathVariable String preview, HttpSession session, Model model) {
        Organization organization = current.resolve(org);
        CsvPreviews.Preview found = previews.find(session, organization.id(), preview)
                .orElseThrow(() -> PageProblem.notFound("preview", preview));
        model.addAttribute("preview", found);
        model.addAttribute("report", found.report());
        model.addAttribute("applicable", applicable(found.report()));
        return page(organization, model, "csv-preview");
    }

    @PostMapping("/previews/{preview}/apply")
    String apply(@PathVariable String org, @PathVariable String preview, HttpSession session,
                 RedirectAttributes redirect) {
        Organization organization = current.resolve(org);
        CsvPreviews.Preview taken = previews.take(session, organization.id(), preview);
        if (!applicable(taken.report())) {
            throw new PageProblem(HttpStatus.CONFLICT, "This file cannot be applied as it is: "
                    + taken.report().refusal().message(), "Nothing was applied. Fix the file and upload it again.");
        }
        try {
            CsvInvitations.Admission admission;
            try (InputStream in = previews.open(taken)) {
                admission = invitations.admit(upload(organization, taken), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (admission instanceof CsvInvitations.Admission.Refused refused) {
                redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.refused("Nothing was applied: "
                        + refused.report().refusal().message() + " (" + refused.report().refusal().code() + ")."));
                return "redirect:" + base(organization);
            }
            CsvImport admitted = ((CsvInvitations.Admission.Accepted) admission).csvImport();
            imports.apply(admitted);
            return "redirect:" + base(organization) + "/imports/" + admitted.id();
        } finally {
            previews.delete(taken.file());
        }
    }

    @GetMapping("/imports/{id}")
    String result(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "0") long offset,
                  HttpServletRequest request, Model model) {
        Organization organization = current.resolve(org);
        CsvImport found;
        try {
            found = invitations.find(organization.id(), ImportId.of(id))
                    .orElseThrow(() -> PageProblem.notFound("import", id));
        } catch (IllegalArgumentException e) {
            throw PageProblem.notFound("import", id);
        }
        boolean running = found.state() == ImportState.RUNNING;
        model.addAttribute("csvImport", found);
        model.addAttribute("running", running);
        model.addAttribute("state", Views.words(found.state()));
        model.addAttribute("updatedAt", Views.time(found.updatedAt()));
        if (running) {
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        } else {
            Page<ItemResult> items = imports.items(found, Math.max(0, offset));
            model.addAttribute("items", items.items().stream().map(RunsPages.ItemRow::of).toList());
            model.addAttribute("paging", Paging.of(items, request));
        }
        return page(organization, model, "csv-import");
    }

    private String page(Organization organization, Model model, String view) {
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "csv");
        return view;
    }

    /** A plan can be applied unless the file is refused as a whole, or would be (all-or-nothing with problems). */
    private static boolean applicable(ImportReport plan) {
        return plan.state() != ImportState.REFUSED && plan.refusal() == null;
    }

    private static Upload upload(Organization organization, CsvPreviews.Preview preview) {
        return new Upload(organization.id(), Actor.system(Actor.Kind.CSV_IMPORT, "admin pages upload "
                + (preview.fileName() == null ? "upload.csv" : preview.fileName())), preview.fileName(),
                preview.mode(), "upload");
    }

    private static ImportMode mode(String mode) {
        try {
            return ImportMode.of(mode);
        } catch (IllegalArgumentException e) {
            throw new PageProblem(HttpStatus.BAD_REQUEST, "\u201c" + mode
                    + "\u201d is not a mode", "Choose valid rows or all or nothing.");
        }
    }

    private static String base(Organization organization) {
        return "/admin/organizations/" + organization.id() + "/csv";
    }
}
