package dev.muster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The figures of one bench run, printed as they come and written as a Markdown table at the end. */
final class Results {
    private final String title;
    private final List<String> rows = new ArrayList<>();

    Results(String title) {
        this.title = title;
    }

    /** A timed phase beside its limit. */
    void timed(String what, int n, Duration took, String limitName, Duration limit, String notes) {
        String ratio = limit == null || limit.isZero() ? "" : String.format("%.1f×", (double) took.toNanos()
                / limit.toNanos());
        add(String.format("| %s | %,d | %s | %s | %s | %s | %s |", what, n, seconds(took), limitName,
                limit == null ? "" : seconds(limit), ratio, notes));
    }

    /** A free-form row (throughput and latency figures). */
    void row(String what, int n, String figure, String limitName, String limit, String ratio, String notes) {
        add(String.format("| %s | %,d | %s | %s | %s | %s | %s |", what, n, figure, limitName, limit, ratio, notes));
    }

    private void add(String row) {
        rows.add(row);
        System.out.println(row);
        System.out.flush();
    }

    static String seconds(Duration d) {
        return String.format("%.2f s", d.toNanos() / 1e9);
    }

    void write(Path file) throws IOException {
        var text = new StringBuilder("### ").append(title).append("\n\n")
                .append("| measured | N | figure | limit | limit figure | ratio | notes |\n")
                .append("|---|---:|---:|---|---:|---:|---|\n");
        rows.forEach(r -> text.append(r).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        System.out.println("written " + file);
    }
}
