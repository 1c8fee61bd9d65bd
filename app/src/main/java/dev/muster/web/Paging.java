package dev.muster.web;

import dev.muster.organization.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a page of a listing sits ("26 to 50 of 120") with the links to its neighbours, keeping the filters of
 * {@code base}. Render it with the layout's {@code paging} fragment.
 *
 * @param previous the previous page's URL, {@code null} on the first page
 * @param next the next page's URL, {@code null} on the last page
 */
public record Paging(long from, long to, long total, String previous, String next) {

    /** Links relative to the current request's path and query, whatever host or proxy is in front. */
    public static Paging of(Page<?> page, HttpServletRequest request) {
        return of(page, UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString()));
    }

    public static Paging of(Page<?> page, UriComponentsBuilder base) {
        long from = page.items().isEmpty() ? 0 : page.offset() + 1;
        long to = page.offset() + page.items().size();
        String previous = page.offset() > 0 ? base.cloneBuilder()
                .replaceQueryParam("offset", Math.max(0, page.offset() - page.limit())).build().toUriString() : null;
        String next = to < page.total() ? base.cloneBuilder().replaceQueryParam("offset", to).build().toUriString()
                : null;
        return new Paging(from, to, page.total(), previous, next);
    }
}
