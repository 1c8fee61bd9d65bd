package dev.muster.provisioning;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SCIM settings ({@code muster.scim.*}).
 *
 * @param maxBodyBytes requests with a larger body are refused with 413
 * @param requestsPerMinute per-token rate limit; past it requests get 429 with {@code Retry-After}
 */
@ConfigurationProperties("muster.scim")
@Validated
public record ScimProperties(@DefaultValue("1048576") @Min(1024) int maxBodyBytes,
                             @DefaultValue("1200") @Min(1) int requestsPerMinute) {
}
