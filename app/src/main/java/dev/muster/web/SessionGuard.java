package dev.muster.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Guards every page under {@code /admin}: sends a visitor who has not signed in to the sign-in page, refuses a
 * state-changing request without the session's CSRF token, and sets the headers that keep the pages out of frames
 * and caches. It runs inside the dispatcher, after multipart parsing, so uploads carry the token as a form field.
 */
class SessionGuard implements HandlerInterceptor {
    static final String SIGN_IN = "/admin/sign-in";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; "
                + "form-action 'self'; base-uri 'none'; object-src 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        boolean safe = SAFE_METHODS.contains(request.getMethod());
        if (!safe && !AdminSession.csrfMatches(request)) {
            throw new PageProblem(HttpStatus.FORBIDDEN, "This form has expired or did not come from this site",
                    "Nothing was changed. Go back, reload the page and try again.");
        }
        if (path(request).equals(SIGN_IN) || AdminSession.signedIn(request)) {
            // The token exists before the page renders, so the session cookie is set before the body is written.
            AdminSession.csrfToken(request);
            return true;
        }
        String target = safe ? path(request) + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString()) : "/admin/organizations";
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + SIGN_IN + "?next="
                + UriUtils.encodeQueryParam(target, StandardCharsets.UTF_8));
        return false;
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
