package dev.muster.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * The installation's admin token. Taken from {@code MUSTER_ADMIN_TOKEN} when set; otherwise generated at first
 * start and printed once, with only its hash stored.
 */
@Component
public class AdminToken {
    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

    private final String hash;

    AdminToken(@Value("${muster.admin-token:${MUSTER_ADMIN_TOKEN:}}") String configured, JdbcClient jdbc,
               TransactionTemplate transactions, @Value("${server.port:8640}") String port) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 16) {
                throw new IllegalStateException("MUSTER_ADMIN_TOKEN must be at least 16 characters");
            }
            this.hash = TokenHash.hash(configured);
            return;
        }
        this.hash = transactions.execute(status -> storedOrGenerated(jdbc, port));
    }

    private static String storedOrGenerated(JdbcClient jdbc, String port) {
        List<String> stored = jdbc.sql("select token_hash from admin_tokens where id = 1").query(String.class).list();
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        String token = TokenHash.newToken("mst_adm_");
        String hashed = TokenHash.hash(token);
        jdbc.sql("insert into admin_tokens (id, token_hash, created_at) values (1, :hash, :at)")
                .param("hash", hashed).param("at", java.sql.Timestamp.from(Instant.now())).update();
        // Printed once, on purpose: this is the only time the token exists outside the operator's hands.
        log.warn("""

                ==================================================================
                 Muster admin token (shown once, only its hash is stored):
                   {}
                 Admin pages: http://localhost:{}/admin   API: http://localhost:{}/api
                ==================================================================""", token, port, port);
        return hashed;
    }

    public boolean matches(String presented) {
        return TokenHash.matches(presented, hash);
    }
}
