package dev.muster.readiness.storage;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code muster.readiness.*}.
 *
 * @param bulkThreshold the most people a CSV or a directory sync may bring in at once without being gated
 */
@Validated
@ConfigurationProperties("muster.readiness")
public record ReadinessProperties(@DefaultValue("5") @Min(0) int bulkThreshold) {
}
