package dev.muster.provisioning;

import dev.muster.organization.Actor;
import dev.muster.organization.AuditEvent;
import dev.muster.organization.AuditEventType;
import dev.muster.organization.AuditLog;
import dev.muster.organization.OrganizationId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The admin's side of SCIM tokens, with their audit events: issue one (its secret is returned this once), list
 * them without secrets, revoke one. The JSON API and the admin pages both go through here.
 */
@Component
public class ScimTokenAdministration {
    private final ScimTokens tokens;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScimTokenAdministration(ScimTokens tokens, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A token as listed: never its secret. {@code lastUsedAt} is {@code null} until a provider first uses it. */
    public record TokenSummary(String id, String name, String provider, Instant createdAt, Instant lastUsedAt,
                               Instant revokedAt, boolean active) {
        static TokenSummary of(ScimToken t) {
            return new TokenSummary(t.id().toString(), t.name(), t.provider().name().toLowerCase(Locale.ROOT),
                    t.createdAt(), t.lastUsedAt(), t.revokedAt(), t.active());
        }
    }

    /** A newly issued token: {@code secret} exists nowhere else and is never shown again. */
    public record IssuedToken(TokenSummary token, String secret, String scimPath) {
    }

    /** The providers a token can be issued for: okta, entra, onelogin, jumpcloud, generic. */
    public static List<String> providers() {
        return Arrays.stream(ScimToken.Provider.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * @throws IllegalArgumentException for a blank or too long name or an unknown provider, saying which
     */
    public IssuedToken issue(OrganizationId organization, String name, String provider, Actor actor, String why) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (name.strip().length() > 100) {
            throw new IllegalArgumentException("name must be at most 100 characters");
        }
        ScimToken.Provider chosen = provider(provider);
        return transactions.execute(status -> {
            ScimTokens.Issued issued = tokens.issue(organization, name.strip(), chosen);
            audit.record(new AuditEvent(organization, clock.instant(), actor, AuditEventType.ORGANIZATION_UPDATED,
                    issued.token().id().toString(), "SCIM token '" + issued.token().name() + "' issued for "
                    + chosen.name().toLowerCase(Locale.ROOT), why));
            return new IssuedToken(TokenSummary.of(issued.token()), issued.secret(), "/scim/v2/" + organization);
        });
    }

    public List<TokenSummary> list(OrganizationId organization) {
        return tokens.list(organization).stream().map(TokenSummary::of).toList();
    }

    /** Revokes the token; {@code false} when the organization has no such token. */
    public boolean revoke(OrganizationId organization, UUID token, Actor actor, String why) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!tokens.revoke(organization, token)) {
                return false;
            }
            audit.record(new AuditEvent(organization, clock.instant(), actor, AuditEventType.ORGANIZATION_UPDATED,
                    token.toString(), "SCIM token revoked", why));
            return true;
        }));
    }

    private static ScimToken.Provider provider(String provider) {
        try {
            return ScimToken.Provider.valueOf(provider == null ? "" : provider.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "provider must be one of okta, entra, onelogin, jumpcloud, generic; not '" + provider + "'");
        }
    }
}
