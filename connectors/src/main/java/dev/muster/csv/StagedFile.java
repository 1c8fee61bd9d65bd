package dev.muster.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An uploaded file copied to the work directory, with its SHA-256, refused beyond the byte limit. */
record StagedFile(Path path, long bytes, String digest) {

    static StagedFile copy(InputStream content, Path target, long maxBytes) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bytes = 0;
        try {
            Files.createDirectories(target.getParent());
            try (InputStream in = content; OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    bytes += n;
                    if (bytes > maxBytes) {
                        throw new CsvFileRefused("too-large", "the file is larger than " + maxBytes
                                + " bytes (limit muster.csv.max-bytes); split it into smaller files");
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            delete(target);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(target);
            throw e;
        }
        return new StagedFile(target, bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
