package dev.muster.clients;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code muster.clients.*}: the browser extension the deployment files install. The defaults are the Bitwarden
 * extension's store ids and update URLs.
 */
@Validated
@ConfigurationProperties("muster.clients")
public record ClientsProperties(
        @NotBlank @DefaultValue("nngceckbapebfimnlniiiahkandclblb") String chromeExtensionId,
        @NotBlank @DefaultValue("https://clients2.google.com/service/update2/crx") String chromeUpdateUrl,
        @NotBlank @DefaultValue("jbkfoedolllekgbhcbcoahefnbanhhlh") String edgeExtensionId,
        @NotBlank @DefaultValue("https://edge.microsoft.com/extensionwebstorebase/v1/crx") String edgeUpdateUrl,
        @NotBlank @DefaultValue("{446900e4-71c2-419f-a6a7-df9c091e268b}") String firefoxExtensionId,
        @NotBlank @DefaultValue("https://addons.mozilla.org/firefox/downloads/latest/bitwarden-password-manager/latest.xpi")
        String firefoxInstallUrl) {
}
