package dev.muster.web;

import jakarta.validation.constraints.Min;
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
 * @param csvWaitRows a CSV file of at most this many rows is applied while the admin waits; a larger one in the
 *                    background, its page showing the progress
 */
@ConfigurationProperties("muster.web")
@Validated
public record WebProperties(@NotNull @DefaultValue("8h") Duration sessionTimeout,
                            @DefaultValue("false") boolean secureCookie,
                            @DefaultValue("500") @Min(0) int csvWaitRows) {
    public WebProperties {
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("muster.web.session-timeout must be positive");
        }
    }
}
