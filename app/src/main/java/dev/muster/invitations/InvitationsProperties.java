package dev.muster.invitations;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * {@code muster.invitations.*}: where accept links point and how long they live.
 *
 * @param baseUrl the public URL of this Muster, used in accept links
 * @param validity how long a link can be used
 * @param signingKey the HMAC key for links (from the environment, {@code MUSTER_INVITATIONS_SIGNING_KEY}); when
 *                   empty a random key is generated once and kept in the database
 */
@Validated
@ConfigurationProperties("muster.invitations")
record InvitationsProperties(@NotNull @DefaultValue("http://localhost:8640") URI baseUrl,
                             @NotNull @DefaultValue("7d") Duration validity,
                             String signingKey) {
    InvitationsProperties {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("muster.invitations.validity must be positive");
        }
        if (signingKey != null && !signingKey.isBlank() && signingKey.length() < 32) {
            throw new IllegalArgumentException("muster.invitations.signing-key must be at least 32 characters");
        }
    }

    /** The accept page's URL for a token. */
    String acceptUrl(String token) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + "/invitations/accept?token=" + token;
    }
}
