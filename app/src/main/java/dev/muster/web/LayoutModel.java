package dev.muster.web;

import dev.muster.organization.Organization;
import dev.muster.organization.Organizations;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;

/**
 * What the layout needs on every page: whether the admin is signed in, the organizations for the switcher, the
 * organization tabs, and the CSRF token (for htmx's {@code hx-headers}; forms get it through {@code th:action}).
 */
@ControllerAdvice(basePackageClasses = LayoutModel.class)
class LayoutModel {
    private final Organizations organizations;
    private final List<OrganizationTab> tabs;

    LayoutModel(Organizations organizations, List<OrganizationTab> tabs) {
        this.organizations = organizations;
        this.tabs = tabs.stream().sorted(Comparator.comparingInt(OrganizationTab::order)).toList();
    }

    @ModelAttribute("signedIn")
    boolean signedIn(HttpServletRequest request) {
        return AdminSession.signedIn(request);
    }

    @ModelAttribute("organizations")
    List<Organization> organizations(HttpServletRequest request) {
        return AdminSession.signedIn(request) ? organizations.list().stream()
                .sorted(Comparator.comparing(o -> o.name().toLowerCase())).toList() : List.of();
    }

    @ModelAttribute("tabs")
    List<OrganizationTab> tabs() {
        return tabs;
    }

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        return AdminSession.csrfToken(request);
    }
}
