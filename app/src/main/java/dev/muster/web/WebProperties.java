package dev.muster.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the admin pages.
 *
 * @param sessionTimeout how long a signed-in session lives without use
 * @param secureCookie mark the session cookie {@code Secure}; set it when the pages are served over HTTPS
 */
@ConfigurationProperties("muster.web")
@Validated
public record WebProperties(@NotNull @DefaultValue("8h") Duration sessionTimeout,
                            @DefaultValue("false") boolean secureCookie) {
    public WebProperties {
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("muster.web.session-timeout must be positive");
        }
    }
}
