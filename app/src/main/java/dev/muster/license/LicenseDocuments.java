package dev.muster.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.muster.organization.OrganizationId;
import dev.muster.organization.Plan;
import dev.muster.readiness.License;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;

/**
 * Reads a license document: {@code {"payload": base64(license JSON), "signature": base64(Ed25519 over the
 * payload bytes)}}. Signing the exact payload bytes avoids any JSON canonicalisation. The license JSON has
 * {@code licenseId, organizationId, plan, seats, issuedAt, expiresAt, features}.
 */
@Component
public class LicenseDocuments {
    private final ObjectMapper json = new ObjectMapper();
    private final PublicKey publicKey;

    LicenseDocuments(LicenseProperties properties) {
        this.publicKey = properties.publicKey() == null || properties.publicKey().isBlank() ? null
                : parsePublicKey(properties.publicKey());
    }

    /** Parses a PEM or base64 X.509 Ed25519 public key; fails naming the property when it is not one. */
    static PublicKey parsePublicKey(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("muster.license.public-key is not an Ed25519 public key (PEM or base64 "
                    + "X.509): " + e.getMessage());
        }
    }

    /** Verifies the signature and reads the license; refuses with what is wrong. */
    public License read(String document) {
        if (publicKey == null) {
            throw new LicenseRefused(HttpStatus.SERVICE_UNAVAILABLE, "license-key-not-configured",
                    "no license public key is configured (muster.license.public-key): licenses cannot be verified");
        }
        JsonNode outer = parse(document == null ? "" : document);
        byte[] payload = base64(outer, "payload");
        byte[] signature = base64(outer, "signature");
        if (!verifies(payload, signature)) {
            throw new LicenseRefused(HttpStatus.UNPROCESSABLE_ENTITY, "license-bad-signature",
                    "the license signature does not verify against the configured public key");
        }
        return license(parse(new String(payload, StandardCharsets.UTF_8)));
    }

    private boolean verifies(byte[] payload, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(payload);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw malformed("the license is not a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed("the license is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static byte[] base64(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw malformed("the license has no '" + field + "' (base64 text)");
        }
        try {
            String text = value.asText().strip();
            return text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("the license '" + field + "' is not base64: " + e.getMessage());
        }
    }

    private static License license(JsonNode node) {
        try {
            var features = new HashSet<String>();
            node.path("features").forEach(f -> features.add(f.asText()));
            return new License(text(node, "licenseId"), OrganizationId.of(text(node, "organizationId")),
                    Plan.valueOf(text(node, "plan").toUpperCase(Locale.ROOT)), node.path("seats").asInt(0),
                    Instant.parse(text(node, "issuedAt")), Instant.parse(text(node, "expiresAt")), features);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw malformed("the license content is invalid: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw malformed("the license has no '" + field + "'");
        }
        return value.asText();
    }

    private static LicenseRefused malformed(String detail) {
        return new LicenseRefused(HttpStatus.BAD_REQUEST, "license-malformed", detail);
    }
}
