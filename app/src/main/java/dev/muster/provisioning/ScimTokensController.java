package dev.muster.provisioning;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Organizations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.support.TransactionTemplate;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** SCIM tokens of an organization: issue (the secret is shown once), list without secrets, revoke. */
@RestController
@RequestMapping("/api/organizations/{org}/scim-tokens")
class ScimTokensController {
    private final ScimTokens tokens;
    private final Organizations organizations;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScimTokensController(ScimTokens tokens, Organizations organizations, AuditLog audit,
                         TransactionTemplate transactions, Clock clock) {
        this.tokens = tokens;
        this.organizations = organizations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param provider okta, entra, onelogin, jumpcloud or generic */
    record IssueBody(@NotBlank @Size(max = 100) String name, @NotNull String provider) {
    }

    record TokenView(String id, String name, String provider, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt, boolean active) {
        static TokenView of(ScimToken t) {
            return new TokenView(t.id().toString(), t.name(), t.provider().name().toLowerCase(Locale.ROOT),
                    t.createdAt(), t.lastUsedAt(), t.revokedAt(), t.active());
        }
    }

    /** The issued token: {@code token} is the secret, returned this once only. */
    record IssuedView(String id, String name, String provider, Instant createdAt, String token, String scimUrl) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedView issue(@PathVariable String org, @Valid @RequestBody IssueBody body) {
        OrganizationId id = known(org);
        ScimToken.Provider provider = provider(body.provider());
        return transactions.execute(status -> {
            ScimTokens.Issued issued = tokens.issue(id, body.name().strip(), provider);
            audit.record(new AuditEvent(id, clock.instant(), Actor.admin(), AuditEventType.ORGANIZATION_UPDATED,
                    issued.token().id().toString(), "SCIM token '" + issued.token().name() + "' issued for "
                    + provider.name().toLowerCase(Locale.ROOT), "issued through the API"));
            ScimToken t = issued.token();
            return new IssuedView(t.id().toString(), t.name(), provider.name().toLowerCase(Locale.ROOT),
                    t.createdAt(), issued.secret(), "/scim/v2/" + id);
        });
    }

    @GetMapping
    List<TokenView> list(@PathVariable String org) {
        return tokens.list(known(org)).stream().map(TokenView::of).toList();
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
        transactions.executeWithoutResult(status -> {
            if (!tokens.revoke(id, tokenId)) {
                throw notFound("SCIM token " + token + " does not exist");
            }
            audit.record(new AuditEvent(id, clock.instant(), Actor.admin(), AuditEventType.ORGANIZATION_UPDATED,
                    tokenId.toString(), "SCIM token revoked", "revoked through the API"));
        });
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

    private static ScimToken.Provider provider(String provider) {
        try {
            return ScimToken.Provider.valueOf(provider.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-value",
                    "provider must be one of okta, entra, onelogin, jumpcloud, generic; not '" + provider + "'");
        }
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
