package dev.muster.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Guards {@code /api/**} with the admin token ({@code Authorization: Bearer ...}); the invitation accept
 * endpoint is public because the invited person holds no admin token.
 */
class AdminTokenFilter extends OncePerRequestFilter {
    private final AdminToken token;

    AdminTokenFilter(AdminToken token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || path.equals("/api/invitations/accept");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : null;
        if (!token.matches(presented)) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"muster\"");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"a valid admin token is required (Authorization: Bearer <token>)\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<AdminTokenFilter> adminTokenFilter(AdminToken token) {
            var registration = new FilterRegistrationBean<>(new AdminTokenFilter(token));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(10);
            return registration;
        }
    }
}
