package dev.muster.bench;

import static org.awaitility.Awaitility.await;
import com.fasterxml.jackson.databind.JsonNode;
import dev.muster.csv.CsvLimits;
import dev.muster.csv.CsvReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CSV path: a generated file of N rows, planned (dry run) and applied through the HTTP upload, each beside the
 * time the connectors' {@link CsvReader} alone takes to parse the same file.
 */
final class CsvBench {
    private final Api api;
    private final MusterProcess muster;
    private final Results results;

    CsvBench(Api api, MusterProcess muster, Results results) {
        this.api = api;
        this.muster = muster;
        this.results = results;
    }

    void run(int n, Path work) throws IOException, InterruptedException {
        Path file = generate(n, work.resolve("people-" + n + ".csv"));
        Duration parse = bareParse(file, n);
        String org = api.createOrganization("CSV bench " + n);
        String base = "/api/organizations/" + org + "/invitations/csv";

        try (var memory = new MemoryWatch(muster.pid(), muster.base())) {
            long start = System.nanoTime();
            var answer = api.postFile(base + "?dryRun=true&fileName=people.csv", file, "text/csv");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            expect(answer, "dry run");
            results.timed("CSV dry run", n, took, "bare parse (CsvReader)", parse,
                    counts(answer.body()) + "; " + memory.peak().describe());
        }
        try (var memory = new MemoryWatch(muster.pid(), muster.base())) {
            long start = System.nanoTime();
            var answer = api.postFile(base + "?dryRun=false&async=true&fileName=people.csv", file, "text/csv");
            expect(answer, "apply");
            String id = answer.body().path("id").asText();
            JsonNode status = awaitImport(base + "/imports/" + id);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            results.timed("CSV apply", n, took, "bare parse (CsvReader)", parse,
                    status.path("state").asText() + " " + status.path("counts") + "; " + memory.peak().describe());
        }
    }

    private JsonNode awaitImport(String path) {
        return await().atMost(java.time.Duration.ofHours(2))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> api.ok("GET", path, null), status -> !status.path("state").asText().equals("RUNNING"));
    }

    private static void expect(Api.Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("CSV " + what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    private static String counts(JsonNode report) {
        return String.valueOf(report.path("counts"));
    }

    /** The limit: reading every record of the file with the connectors' reader, best of three. */
    static Duration bareParse(Path file, int expectedRows) throws IOException {
        Duration best = null;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            int rows = 0;
            try (InputStream in = Files.newInputStream(file);
                 CsvReader reader = CsvReader.open(in, CsvLimits.DEFAULTS)) {
                while (reader.next() != null) {
                    rows++;
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (rows != expectedRows + 1) {
                throw new IllegalStateException("parsed " + rows + " records, expected " + (expectedRows + 1));
            }
            best = best == null || took.compareTo(best) < 0 ? took : best;
        }
        return best;
    }

    /** N people with a name, a department and a title the role rules could use; no groups or collections. */
    static Path generate(int n, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,name,externalId,department,title\n");
            for (int i = 0; i < n; i++) {
                out.write(String.format("person%06d@bench.example,\"Person %06d, Bench\",HR-%06d,dept-%d,%s%n",
                        i, i, i, i % 40, i % 50 == 0 ? "Manager" : "Engineer"));
            }
        }
        return file;
    }
}
