package dev.muster.web;

/**
 * One entry of an organization's navigation: declare a bean of this type and the layout links it on every
 * organization page, in {@code order}, as {@code /admin/organizations/{org}/{path}}.
 *
 * @param path the page's path below the organization, without a leading slash, e.g. {@code members}
 */
public record OrganizationTab(int order, String label, String path) {
    public OrganizationTab {
        if (label == null || label.isBlank() || path == null || path.isBlank() || path.startsWith("/")) {
            throw new IllegalArgumentException("a tab needs a label and a relative path: " + label + " " + path);
        }
    }
}
