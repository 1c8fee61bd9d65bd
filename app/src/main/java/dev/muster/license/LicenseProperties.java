package dev.muster.license;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * {@code muster.license.*}: the key licenses are verified with and the license sync.
 *
 * @param publicKey the vendor's Ed25519 public key, PEM ({@code -----BEGIN PUBLIC KEY-----}) or base64 X.509;
 *                  without it every license is refused
 */
@Validated
@ConfigurationProperties("muster.license")
public record LicenseProperties(String publicKey, @Valid @NotNull @DefaultValue Sync sync) {

    /**
     * @param url where the current license of an organization is fetched; {@code {organization}} in it is replaced
     *            by the organization id, otherwise {@code organization=<id>} is added as a query parameter
     * @param installationKey this installation's key, sent as a bearer token (from the environment,
     *                        {@code MUSTER_LICENSE_SYNC_INSTALLATION_KEY}); never logged
     * @param interval how often the route {@code license-sync} runs
     * @param initialDelay when the route runs first after start-up
     * @param timeout connect and read timeout of one fetch
     */
    public record Sync(@DefaultValue("false") boolean enabled, String url, String installationKey,
                       @NotNull @DefaultValue("1h") Duration interval,
                       @NotNull @DefaultValue("10s") Duration initialDelay,
                       @NotNull @DefaultValue("10s") Duration timeout) {
        public Sync {
            if (enabled && (url == null || url.isBlank() || installationKey == null || installationKey.isBlank())) {
                throw new IllegalArgumentException("muster.license.sync.enabled needs muster.license.sync.url and "
                        + "muster.license.sync.installation-key");
            }
            if (url != null && !url.isBlank()) {
                URI parsed;
                try {
                    parsed = URI.create(url.replace("{organization}", "o"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("muster.license.sync.url is not a URL: " + url);
                }
                if (!("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))) {
                    throw new IllegalArgumentException("muster.license.sync.url must be an http(s) URL: " + url);
                }
            }
        }

        public boolean configured() {
            return enabled && url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Sync[enabled=" + enabled + ", url=" + url + ", installationKey=" + (installationKey == null
                    ? "none" : "****") + ", interval=" + interval + ", initialDelay=" + initialDelay
                    + ", timeout=" + timeout + "]";
        }
    }
}
