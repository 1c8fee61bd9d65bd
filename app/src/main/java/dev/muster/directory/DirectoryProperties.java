package dev.muster.directory;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code muster.directory.*}: how directory sync runs in this installation.
 *
 * @param secretKey base64 of 32 bytes that encrypt stored bind passwords ({@code MUSTER_DIRECTORY_SECRET_KEY});
 *                  when empty a key is generated once into {@code keyFile}
 * @param keyFile where the generated key lives (default {@code <data-dir>/directory-secret.key})
 * @param readAttempts how often a transiently failing read is tried within one run
 * @param retryBackoff the pause before the second attempt; it doubles for each further one
 * @param scheduling whether the per-organization Quartz schedules run
 */
@Validated
@ConfigurationProperties("muster.directory")
record DirectoryProperties(String secretKey, Path keyFile, @Min(1) @DefaultValue("3") int readAttempts,
                           @DefaultValue("2s") Duration retryBackoff, @DefaultValue("true") boolean scheduling) {
}
