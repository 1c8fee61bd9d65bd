package dev.muster.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.Session;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import java.util.Map;
import java.util.Set;

/**
 * Wires the pages' security: the {@link SessionGuard} on {@code /admin/**} only (the JSON API, SCIM, the
 * invitation page and actuator keep their own rules), an HttpOnly SameSite=Lax session cookie, and the CSRF token
 * added to every {@code th:action} form that posts.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SessionGuard()).addPathPatterns("/admin", "/admin/**")
                .excludePathPatterns("/admin/assets/**");
    }

    @Bean
    WebServerFactoryCustomizer<AbstractServletWebServerFactory> adminSessionCookie(WebProperties properties) {
        // Runs after Boot's own customizer, which installs the server.servlet.session settings.
        return factory -> {
            // The session id travels only in the cookie, never rewritten into URLs (;jsessionid=).
            factory.getSession().setTrackingModes(Set.of(Session.SessionTrackingMode.COOKIE));
            Cookie cookie = factory.getSession().getCookie();
            cookie.setHttpOnly(true);
            cookie.setSameSite(Cookie.SameSite.LAX);
            if (properties.secureCookie()) {
                cookie.setSecure(true);
            }
        };
    }

    /** Spring MVC and Thymeleaf look this bean up by its name. */
    @Bean(name = "requestDataValueProcessor")
    RequestDataValueProcessor requestDataValueProcessor() {
        return new CsrfFormFields();
    }

    /** Adds the hidden CSRF field to forms under {@code /admin} whose method is not GET. */
    static final class CsrfFormFields implements RequestDataValueProcessor {
        private static final String METHOD = CsrfFormFields.class.getName() + ".method";

        @Override
        public String processAction(HttpServletRequest request, String action, String httpMethod) {
            request.setAttribute(METHOD, httpMethod);
            return action;
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return value;
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Object method = request.getAttribute(METHOD);
            request.removeAttribute(METHOD);
            if (!SessionGuard.path(request).startsWith("/admin") || method == null
                    || "get".equalsIgnoreCase(method.toString())) {
                return Map.of();
            }
            return Map.of(AdminSession.CSRF_PARAMETER, AdminSession.csrfToken(request));
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return url;
        }
    }
}
