package dev.muster.web;

import dev.muster.organization.Organization;
import dev.muster.provisioning.ScimTokenAdministration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/**
 * An organization's SCIM tokens: issue one for an identity provider (its secret is on the answer page only, never
 * stored in the session or shown again), the list with when each was last used, and revoking one. Through the same
 * {@link ScimTokenAdministration} as the API.
 */
@Controller
@RequestMapping("/admin/organizations/{org}/scim-tokens")
class ScimTokensPages {
    private final CurrentOrganization current;
    private final ScimTokenAdministration tokens;

    ScimTokensPages(CurrentOrganization current, ScimTokenAdministration tokens) {
        this.current = current;
        this.tokens = tokens;
    }

    record Row(String id, String name, String provider, String createdAt, String lastUsedAt, String revokedAt,
               boolean active) {
        static Row of(ScimTokenAdministration.TokenSummary t) {
            return new Row(t.id(), t.name(), t.provider(), Views.time(t.createdAt()), Views.time(t.lastUsedAt()),
                    Views.time(t.revokedAt()), t.active());
        }
    }

    @GetMapping
    String list(@PathVariable String org, Model model) {
        return page(current.resolve(org), model);
    }

    @PostMapping
    String issue(@PathVariable String org, @RequestParam(defaultValue = "") String name,
                 @RequestParam(defaultValue = "") String provider, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        Organization organization = current.resolve(org);
        try {
            ScimTokenAdministration.IssuedToken issued = tokens.issue(organization.id(), name, provider, Views.ADMIN,
                    "issued in the admin pages");
            model.addAttribute("issued", issued);
            model.addAttribute("scimUrl", ServletUriComponentsBuilder.fromContextPath(request)
                    .path(issued.scimPath()).toUriString());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", !e.getMessage().startsWith("name") ? "Provider: choose one of "
                    + String.join(", ", ScimTokenAdministration.providers()) + "."
                    : name.isBlank() ? "Name: give the token a name, e.g. the identity provider's app."
                    : "Name: at most 100 characters.");
        }
        return page(organization, model);
    }

    @PostMapping("/{token}/revoke")
    String revoke(@PathVariable String org, @PathVariable String token, RedirectAttributes redirect) {
        Organization organization = current.resolve(org);
        UUID id;
        try {
            id = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw PageProblem.notFound("SCIM token", token);
        }
        if (!tokens.revoke(organization.id(), id, Views.ADMIN, "revoked in the admin pages")) {
            throw PageProblem.notFound("SCIM token", token);
        }
        redirect.addFlashAttribute(Notice.ATTRIBUTE, Notice.ok("SCIM token revoked: its provider can no longer "
                + "reach this organization."));
        return "redirect:/admin/organizations/" + organization.id() + "/scim-tokens";
    }

    private String page(Organization organization, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("activeTab", "scim-tokens");
        model.addAttribute("providers", ScimTokenAdministration.providers());
        model.addAttribute("rows", tokens.list(organization.id()).stream().map(Row::of).toList());
        return "scim-tokens";
    }
}
