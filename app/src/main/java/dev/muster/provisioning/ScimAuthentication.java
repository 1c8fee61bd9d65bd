package dev.muster.provisioning;

import dev.muster.scim.ScimResponse;
import dev.muster.scim.ScimServer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Guards {@code /scim/v2/{org}/**}: a bearer SCIM token of that organization (anything else is the same 401, so
 * nothing tells whether another organization exists), the per-token rate limit (429 with {@code Retry-After}) and
 * the body size limit (413). The authenticated token's name reaches the route as the {@value #ACTOR_HEADER}
 * header; a client's own header of that name is dropped.
 */
class ScimAuthentication extends OncePerRequestFilter {
    static final String ACTOR_HEADER = dev.muster.scim.ScimRequest.ACTOR_HEADER;
    private static final String PREFIX = "/scim/v2/";

    private final ScimTokens tokens;
    private final RateLimits limits;
    private final ScimProperties properties;

    ScimAuthentication(ScimTokens tokens, RateLimits limits, ScimProperties properties) {
        this.tokens = tokens;
        this.limits = limits;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rest = path(request).substring(PREFIX.length());
        String organization = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        Optional<ScimToken> token = tokens.authenticate(organization, bearer(request));
        if (token.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"muster-scim\"");
            write(response, ScimServer.error(401, null,
                    "a valid SCIM token of this organization is required (Authorization: Bearer <token>)"));
            return;
        }
        Optional<Duration> wait = limits.take(token.get().id());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            write(response, ScimServer.error(429, null, "too many requests for SCIM token '" + token.get().name()
                    + "'; retry after " + Math.max(1, wait.get().toSeconds()) + " s"));
            return;
        }
        if (request.getContentLengthLong() > properties.maxBodyBytes()) {
            write(response, ScimServer.error(413, null, "the request body is larger than "
                    + properties.maxBodyBytes() + " bytes"));
            return;
        }
        chain.doFilter(new Authenticated(request, token.get().name()), response);
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static void write(HttpServletResponse response, ScimResponse scim) throws IOException {
        response.setStatus(scim.status());
        scim.headers().forEach(response::setHeader);
        response.setContentType(ScimResponse.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(scim.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The request with the authenticated token's name as the actor header, and no client-sent copy of it. */
    private static final class Authenticated extends HttpServletRequestWrapper {
        private final String actor;

        Authenticated(HttpServletRequest request, String actor) {
            super(request);
            this.actor = actor;
        }

        @Override
        public String getHeader(String name) {
            return ACTOR_HEADER.equalsIgnoreCase(name) ? actor : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return ACTOR_HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(actor))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            var names = new java.util.ArrayList<String>();
            Collections.list(super.getHeaderNames()).stream().filter(n -> !ACTOR_HEADER.equalsIgnoreCase(n))
                    .forEach(names::add);
            names.add(ACTOR_HEADER);
            return Collections.enumeration(names);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<ScimAuthentication> scimAuthentication(ScimTokens tokens, ScimProperties properties,
                                                                      Clock clock) {
            var registration = new FilterRegistrationBean<>(new ScimAuthentication(tokens,
                    new RateLimits(properties.requestsPerMinute(), clock), properties));
            registration.addUrlPatterns("/scim/v2/*");
            registration.setOrder(11);
            return registration;
        }
    }
}
