package dev.muster.license;

import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.routes.LicenseSync;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Fetches licenses from the license server ({@code muster.license.sync.url}) with the installation key as a
 * bearer token and installs them through {@link LicenseInstallation}, recording every success and failure as
 * the organization's sync state.
 */
@Component
class LicenseSyncClient implements LicenseSync {
    private final LicenseProperties.Sync properties;
    private final LicenseInstallation installation;
    private final JdbcLicenses licenses;
    private final Clock clock;
    private final HttpClient http;

    LicenseSyncClient(LicenseProperties properties, LicenseInstallation installation, JdbcLicenses licenses,
                      Clock clock) {
        this.properties = properties.sync();
        this.installation = installation;
        this.licenses = licenses;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public List<String> organizations() {
        return licenses.licensedOrganizations().stream().map(OrganizationId::toString).toList();
    }

    @Override
    public String fetch(String organizationId) {
        OrganizationId org = OrganizationId.of(organizationId);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(org))
                    .timeout(properties.timeout()).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + properties.installationKey()).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status != 200) {
                throw new LicenseFetchFailed("license server answered HTTP " + status + " for organization "
                        + org, status >= 500 || status == 429, null);
            }
            return response.body();
        } catch (IOException e) {
            throw failed(org, new LicenseFetchFailed("license server unreachable: " + e.getMessage(), true, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(org, new LicenseFetchFailed("interrupted while fetching the license", true, e));
        } catch (LicenseFetchFailed e) {
            throw failed(org, e);
        }
    }

    @Override
    public void apply(String organizationId, String document) {
        OrganizationId org = OrganizationId.of(organizationId);
        try {
            installation.install(org, document, Actor.system(Actor.Kind.SYSTEM, "license-sync"));
            licenses.syncSucceeded(org, clock.instant());
        } catch (LicenseRefused e) {
            throw failed(org, e);
        }
    }

    private <E extends RuntimeException> E failed(OrganizationId org, E failure) {
        licenses.syncFailed(org, clock.instant(), failure.getMessage());
        return failure;
    }

    private URI url(OrganizationId org) {
        String url = properties.url();
        if (url.contains("{organization}")) {
            return URI.create(url.replace("{organization}", org.toString()));
        }
        return URI.create(url + (url.contains("?") ? "&" : "?") + "organization="
                + URLEncoder.encode(org.toString(), StandardCharsets.UTF_8));
    }
}
