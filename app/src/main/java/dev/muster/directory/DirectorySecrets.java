package dev.muster.directory;

import dev.muster.organization.OrganizationId;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts directory bind passwords for storage with AES-256-GCM; the organization id is bound in as associated
 * data so a ciphertext cannot be moved to another organization. The key never sits in the database.
 */
final class DirectorySecrets {
    private static final String VERSION = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    DirectorySecrets(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("muster.directory.secret-key must be base64 of 32 bytes, not "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key from the environment, or from the key file (generated on first use, readable by the owner only). */
    static DirectorySecrets from(String configuredKey, Path keyFile) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return new DirectorySecrets(decode(configuredKey.strip()));
        }
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                try {
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh),
                            java.nio.file.StandardOpenOption.CREATE_NEW);
                    restrict(keyFile);
                } catch (FileAlreadyExistsException raced) {
                    // another start wrote it first: use theirs
                }
            }
            return new DirectorySecrets(decode(Files.readString(keyFile).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the directory key file " + keyFile, e);
        }
    }

    String encrypt(OrganizationId organization, String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, organization, iv);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the bind password", e);
        }
    }

    String decrypt(OrganizationId organization, String stored) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("the stored bind password has an unknown format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, organization, java.util.Arrays.copyOf(all, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored bind password cannot be decrypted with this key: was "
                    + "muster.directory.secret-key or the key file changed?", e);
        }
    }

    private Cipher cipher(int mode, OrganizationId organization, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(organization.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("muster.directory.secret-key is not valid base64");
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the data directory's ACL
        }
    }
}
