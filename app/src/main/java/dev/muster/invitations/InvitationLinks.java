package dev.muster.invitations;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and verifies invitation tokens: {@code base64url(invitation id, expiry, nonce) "." base64url(HMAC-SHA256)}.
 * The signature proves Muster issued the token; the database row behind the id makes it single-use and voidable.
 */
final class InvitationLinks {
    private static final int PAYLOAD = 16 + 8 + 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    InvitationLinks(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What a verified token says. */
    record Claims(UUID invitationId, Instant expiresAt) {
    }

    String issue(UUID invitationId, Instant expiresAt) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        byte[] payload = ByteBuffer.allocate(PAYLOAD).putLong(invitationId.getMostSignificantBits())
                .putLong(invitationId.getLeastSignificantBits()).putLong(expiresAt.getEpochSecond()).put(nonce)
                .array();
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(sign(payload));
    }

    /** The claims of a token that Muster signed, or empty for anything else (malformed, forged, truncated). */
    Optional<Claims> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (payload.length != PAYLOAD || !MessageDigest.isEqual(sign(payload), signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            UUID id = new UUID(buffer.getLong(), buffer.getLong());
            return Optional.of(new Claims(id, Instant.ofEpochSecond(buffer.getLong())));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
