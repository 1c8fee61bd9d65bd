package dev.muster.license;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** The tests' own license vendor: an Ed25519 key pair generated per run, issuing signed license documents. */
public final class TestLicenses {
    private final KeyPair keys;

    public TestLicenses() {
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as Muster is configured with it: base64 X.509. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public static String payload(String licenseId, String organizationId, String plan, int seats, Instant issuedAt,
                                 Instant expiresAt) {
        return "{\"licenseId\":\"" + licenseId + "\",\"organizationId\":\"" + organizationId + "\",\"plan\":\"" + plan
                + "\",\"seats\":" + seats + ",\"issuedAt\":\"" + issuedAt + "\",\"expiresAt\":\"" + expiresAt
                + "\",\"features\":[\"scim\",\"directory\"]}";
    }

    /** A license document signed with this vendor's private key. */
    public String sign(String payloadJson) {
        byte[] payload = payloadJson.getBytes(StandardCharsets.UTF_8);
        return document(payload, signature(payload));
    }

    public byte[] signature(byte[] payload) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(payload);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String document(byte[] payload, byte[] signature) {
        return "{\"payload\":\"" + Base64.getEncoder().encodeToString(payload) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signature) + "\"}";
    }
}
