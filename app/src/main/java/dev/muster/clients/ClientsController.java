package dev.muster.clients;

import dev.muster.organization.Organization;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import dev.muster.readiness.ServerUrl;
import dev.muster.readiness.storage.JdbcReadinessState;
import dev.muster.readiness.web.ReadinessRefused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** Downloads of the client deployment files for the organization's server URL. */
@RestController
@RequestMapping("/api/organizations/{org}/clients")
class ClientsController {
    private final Organizations organizations;
    private final JdbcReadinessState state;
    private final ClientDeployment deployment;

    ClientsController(Organizations organizations, JdbcReadinessState state, ClientsProperties properties) {
        this.organizations = organizations;
        this.state = state;
        this.deployment = new ClientDeployment(properties);
    }

    @GetMapping("/{file:chrome\\.json|edge\\.json|firefox-policies\\.json|windows\\.reg|macos\\.mobileconfig}")
    ResponseEntity<String> file(@PathVariable String org, @PathVariable String file) {
        Organization organization = find(org);
        ServerUrl url = ServerUrl.of(state.serverUrl(organization.id()).orElseThrow(() -> new ReadinessRefused(
                HttpStatus.CONFLICT, "server-url-missing", "set the server URL first: PUT /api/organizations/" + org
                + "/clients/server-url")));
        String body = switch (file) {
            case "chrome.json" -> deployment.chromePolicy(url);
            case "edge.json" -> deployment.edgePolicy(url);
            case "firefox-policies.json" -> deployment.firefoxPolicies(url);
            case "windows.reg" -> deployment.windowsRegistry(url);
            default -> deployment.macosProfile(organization.id(), organization.name(), url);
        };
        MediaType type = file.endsWith(".json") ? MediaType.APPLICATION_JSON
                : file.endsWith(".reg") ? MediaType.TEXT_PLAIN
                : MediaType.parseMediaType("application/x-apple-aspen-config");
        String name = file.equals("firefox-policies.json") ? "policies.json" : "muster-" + file;
        return ResponseEntity.ok().contentType(new MediaType(type, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString()).body(body);
    }

    private Organization find(String org) {
        try {
            return organizations.find(OrganizationId.of(org)).orElseThrow(() -> new ReadinessRefused(
                    HttpStatus.NOT_FOUND, "not-found", "organization " + org + " does not exist"));
        } catch (IllegalArgumentException e) {
            throw new ReadinessRefused(HttpStatus.NOT_FOUND, "not-found", "organization " + org + " does not exist");
        }
    }
}
