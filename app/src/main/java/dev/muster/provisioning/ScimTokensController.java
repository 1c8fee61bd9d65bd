package dev.muster.provisioning;

import dev.muster.organization.Actor;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SCIM tokens of an organization: issue (the secret is shown once), list without secrets, revoke. */
@RestController
@RequestMapping("/api/organizations/{org}/scim-tokens")
class ScimTokensController {
    private final ScimTokenAdministration administration;
    private final Organizations organizations;

    ScimTokensController(ScimTokenAdministration administration, Organizations organizations) {
        this.administration = administration;
        this.organizations = organizations;
    }

    /** @param provider okta, entra, onelogin, jumpcloud or generic */
    record IssueBody(@NotBlank @Size(max = 100) String name, @NotNull String provider) {
    }

    record TokenView(String id, String name, String provider, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt, boolean active) {
        static TokenView of(ScimTokenAdministration.TokenSummary t) {
            return new TokenView(t.id(), t.name(), t.provider(), t.createdAt(), t.lastUsedAt(), t.revokedAt(),
                    t.active());
        }
    }

    /** The issued token: {@code token} is the secret, returned this once only. */
    record IssuedView(String id, String name, String provider, Instant createdAt, String token, String scimUrl) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedView issue(@PathVariable String org, @Valid @RequestBody IssueBody body) {
        OrganizationId id = known(org);
        ScimTokenAdministration.IssuedToken issued;
        try {
            issued = administration.issue(id, body.name(), body.provider(), Actor.admin(), "issued through the API");
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-value", e.getMessage());
        }
        var t = issued.token();
        return new IssuedView(t.id(), t.name(), t.provider(), t.createdAt(), issued.secret(), issued.scimPath());
    }

    @GetMapping
    List<TokenView> list(@PathVariable String org) {
        return administration.list(known(org)).stream().map(TokenView::of).toList();
    }

    @DeleteMapping("/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String org, @PathVariable String token) {
        OrganizationId id = known(org);
        UUID tokenId;
        try {
            tokenId = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw notFound("SCIM token " + token + " does not exist");
        }
        if (!administration.revoke(id, tokenId, Actor.admin(), "revoked through the API")) {
            throw notFound("SCIM token " + token + " does not exist");
        }
    }

    private OrganizationId known(String org) {
        try {
            OrganizationId id = OrganizationId.of(org);
            if (organizations.find(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below as not found
        }
        throw notFound("organization " + org + " does not exist");
    }

    private static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    private static ErrorResponseException problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://muster.dev/problems/" + code));
        problem.setProperty("code", code);
        return new ErrorResponseException(status, problem, null);
    }
}
