package dev.muster.bench;

import static org.awaitility.Awaitility.await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Muster app started from its packaged jar as a process of its own on a random port, with a fresh data
 * directory and either the embedded H2 database or a fresh PostgreSQL database.
 */
final class MusterProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private MusterProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static MusterProcess start(Path appJar, Database database, Path work, String adminToken, List<String> jvmOptions,
                               List<String> appArguments)
            throws IOException, InterruptedException {
        int port = freePort();
        Path dataDir = Files.createDirectories(work.resolve("data"));
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", appJar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--muster.data-dir=" + dataDir, "--muster.demo.enabled=false", "--muster.csv.drop-enabled=false",
                "--muster.directory.scheduling=false", "--logging.level.dev.muster=WARN",
                "--management.endpoints.web.exposure.include=health,metrics",
                // The per-token SCIM rate limit would otherwise be what the SCIM figures measure.
                "--muster.scim.requests-per-minute=100000000"));
        command.addAll(database.appArguments());
        command.addAll(appArguments);
        Path log = work.resolve("muster.log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("MUSTER_ADMIN_TOKEN", adminToken);
        env.putAll(database.appEnvironment());
        var muster = new MusterProcess(builder.start(), port, log);
        muster.awaitHealthy(Duration.ofMinutes(3));
        return muster;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration timeout) {
        var client = HttpClient.newHttpClient();
        await("Muster healthy; see " + log).atMost(timeout)
                .pollInterval(Duration.ofMillis(250)).until(() -> healthy(client));
    }

    private boolean healthy(HttpClient client) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException("Muster exited with " + process.exitValue() + "; see " + log);
        }
        try {
            return client.send(HttpRequest.newBuilder(base().resolve("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
