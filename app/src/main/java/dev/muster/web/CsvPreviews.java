package dev.muster.web;

import dev.muster.csv.ImportMode;
import dev.muster.csv.ImportReport;
import dev.muster.organization.OrganizationId;
import dev.muster.routes.CsvProperties;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The files the CSV page has previewed, kept on the server until they are applied: the apply button applies the
 * very bytes the preview showed (checked against their SHA-256), never a second upload. A preview belongs to the
 * session that uploaded it; a session keeps its last {@value #KEPT}, and files older than a session's lifetime are
 * swept on the next upload.
 */
@Component
class CsvPreviews {
    private static final Logger log = LoggerFactory.getLogger(CsvPreviews.class);
    private static final String SESSION = CsvPreviews.class.getName();
    static final int KEPT = 3;

    private final Path directory;
    private final Duration lifetime;
    private final Clock clock;

    CsvPreviews(CsvProperties csv, WebProperties web, Clock clock) {
        this.directory = csv.workDirectory().resolve("previews");
        this.lifetime = web.sessionTimeout();
        this.clock = clock;
    }

    /** A previewed file: where it is kept, its digest, and the dry run's report. */
    record Preview(String id, OrganizationId organization, String fileName, ImportMode mode, Path file,
                   String digest, ImportReport report) {
        Preview withReport(ImportReport planned) {
            return new Preview(id, organization, fileName, mode, file, digest, planned);
        }
    }

    /** Copies the upload to the previews folder, computing its SHA-256 on the way. */
    Preview keep(OrganizationId organization, String fileName, ImportMode mode, InputStream content) {
        sweep();
        String id = UUID.randomUUID().toString();
        Path file = directory.resolve(id + ".csv");
        try {
            Files.createDirectories(directory);
            var digest = new DigestInputStream(content, sha256());
            try (InputStream in = digest; OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return new Preview(id, organization, fileName, mode, file,
                    HexFormat.of().formatHex(digest.getMessageDigest().digest()), null);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        }
    }

    /** Remembers the planned preview in the session, forgetting (and deleting) the oldest beyond {@value #KEPT}. */
    void remember(HttpSession session, Preview preview) {
        synchronized (session) {
            Map<String, Preview> previews = previews(session);
            previews.put(preview.id(), preview);
            while (previews.size() > KEPT) {
                String oldest = previews.keySet().iterator().next();
                delete(previews.remove(oldest).file());
            }
        }
    }

    Optional<Preview> find(HttpSession session, OrganizationId organization, String id) {
        synchronized (session) {
            return Optional.ofNullable(previews(session).get(id)).filter(p -> p.organization().equals(organization));
        }
    }

    /** Takes the preview out of the session, so that it is applied at most once. */
    Preview take(HttpSession session, OrganizationId organization, String id) {
        synchronized (session) {
            Preview preview = find(session, organization, id).orElseThrow(() -> new PageProblem(HttpStatus.GONE,
                    "This preview has already been applied, or it has expired",
                    "Nothing more was applied. Upload the file again to see a new preview."));
            previews(session).remove(id);
            return preview;
        }
    }

    /** Opens the kept file after checking that its bytes are still the ones the preview showed. */
    InputStream open(Preview preview) {
        try {
            String digest;
            try (InputStream in = new DigestInputStream(Files.newInputStream(preview.file()), sha256())) {
                in.transferTo(OutputStream.nullOutputStream());
                digest = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            if (!digest.equals(preview.digest())) {
                log.warn("previewed CSV file {} changed on disk; not applied", preview.file());
                throw changed();
            }
            return Files.newInputStream(preview.file());
        } catch (java.nio.file.NoSuchFileException e) {
            throw changed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the previewed CSV file {}: {}", file, e.toString());
        }
    }

    private static PageProblem changed() {
        return new PageProblem(HttpStatus.CONFLICT, "The previewed file is no longer the one on the server",
                "Nothing was applied. Upload the file again to see a new preview.");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Preview> previews(HttpSession session) {
        Object kept = session.getAttribute(SESSION);
        if (kept == null) {
            kept = new LinkedHashMap<String, Preview>();
            session.setAttribute(SESSION, kept);
        }
        return (Map<String, Preview>) kept;
    }

    /** Deletes previews left behind by sessions that have ended. */
    private void sweep() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        var cutoff = clock.instant().minus(lifetime);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(cutoff);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(this::delete);
        } catch (IOException e) {
            log.warn("could not sweep {}: {}", directory, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
