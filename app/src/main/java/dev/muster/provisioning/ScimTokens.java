package dev.muster.provisioning;

import dev.muster.organization.OrganizationId;
import dev.muster.security.TokenHash;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, lists, revokes and checks SCIM tokens. A token is shown once when issued; only its SHA-256 hash is
 * stored. A presented token is found by its hash and then compared in constant time; a token of another
 * organization is treated exactly like an unknown one.
 */
@Component
class ScimTokens {
    static final String PREFIX = "mst_scim_";

    private static final RowMapper<ScimToken> ROW = (rs, n) -> new ScimToken(rs.getObject("id", UUID.class),
            new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("name"),
            ScimToken.Provider.valueOf(rs.getString("provider")), instant(rs, "created_at"),
            instant(rs, "last_used_at"), instant(rs, "revoked_at"));

    private final JdbcClient jdbc;
    private final Clock clock;

    ScimTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A newly issued token with its secret, which exists nowhere else. */
    record Issued(ScimToken token, String secret) {
    }

    Issued issue(OrganizationId organization, String name, ScimToken.Provider provider) {
        String secret = TokenHash.newToken(PREFIX);
        var token = new ScimToken(UUID.randomUUID(), organization, name, provider, clock.instant(), null, null);
        jdbc.sql("insert into scim_tokens (id, organization_id, name, provider, token_hash, created_at) "
                        + "values (:id, :org, :name, :provider, :hash, :at)")
                .param("id", token.id()).param("org", organization.value()).param("name", name)
                .param("provider", provider.name()).param("hash", TokenHash.hash(secret))
                .param("at", timestamp(token.createdAt())).update();
        return new Issued(token, secret);
    }

    List<ScimToken> list(OrganizationId organization) {
        return jdbc.sql("select * from scim_tokens where organization_id = :org order by created_at, id")
                .param("org", organization.value()).query(ROW).list();
    }

    /** Revokes the token; false when the organization has no such token. */
    boolean revoke(OrganizationId organization, UUID id) {
        return jdbc.sql("update scim_tokens set revoked_at = coalesce(revoked_at, :at) "
                        + "where organization_id = :org and id = :id")
                .param("at", timestamp(clock.instant())).param("org", organization.value()).param("id", id)
                .update() > 0;
    }

    /** The active token of this organization the secret belongs to, recording its use. */
    Optional<ScimToken> authenticate(String organization, String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = TokenHash.hash(secret);
        List<StoredToken> found = jdbc.sql("select * from scim_tokens where token_hash = :hash")
                .param("hash", hash).query((rs, n) -> new StoredToken(ROW.mapRow(rs, n), rs.getString("token_hash")))
                .list();
        Optional<ScimToken> token = found.stream()
                .filter(t -> TokenHash.matches(secret, t.hash()))
                .map(StoredToken::token)
                .filter(ScimToken::active)
                .filter(t -> t.organizationId().toString().equalsIgnoreCase(organization))
                .findFirst();
        token.ifPresent(t -> jdbc.sql("update scim_tokens set last_used_at = :at where id = :id")
                .param("at", timestamp(clock.instant())).param("id", t.id()).update());
        return token;
    }

    private record StoredToken(ScimToken token, String hash) {
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
