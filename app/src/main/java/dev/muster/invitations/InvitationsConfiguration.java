package dev.muster.invitations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/** The link signer, keyed from the environment or from a key generated once and kept in the database. */
@Configuration(proxyBeanMethods = false)
class InvitationsConfiguration {
    static final String KEY_NAME = "invitation-signing-key";

    @Bean
    InvitationLinks invitationLinks(InvitationsProperties properties, JdbcClient jdbc,
                                    TransactionTemplate transactions, Clock clock) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            return new InvitationLinks(properties.signingKey());
        }
        return new InvitationLinks(transactions.execute(status -> storedOrGenerated(jdbc, clock)));
    }

    private static String storedOrGenerated(JdbcClient jdbc, Clock clock) {
        List<String> stored = jdbc.sql("select secret from installation_secrets where name = :name")
                .param("name", KEY_NAME).query(String.class).list();
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into installation_secrets (name, secret, created_at) values (:name, :secret, :at)")
                .param("name", KEY_NAME).param("secret", secret).param("at", Timestamp.from(clock.instant()))
                .update();
        return secret;
    }
}
