package dev.muster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak memory of the Muster process during one phase: resident set from {@code /proc/<pid>/status} (VmHWM, reset
 * at the start of the phase through {@code clear_refs}) and the JVM's used heap from the actuator's
 * {@code jvm.memory.used} (area heap), sampled every 200 ms. Not the Prometheus endpoint: a scrape also evaluates
 * the {@code muster_members} gauges, which count the members table, and would load the server being measured.
 */
final class MemoryWatch implements AutoCloseable {
    private static final Pattern VALUE = Pattern.compile("\"statistic\":\"VALUE\",\"value\":([0-9.E+]+)");

    private final long pid;
    private final URI heap;
    private final URI live;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "memory-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile long peakHeap;
    private volatile long peakLive;

    MemoryWatch(long pid, URI base) {
        this.pid = pid;
        this.heap = base.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap");
        this.live = base.resolve("/actuator/metrics/jvm.gc.live.data.size");
        resetPeakRss();
        sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    record Peak(long rssBytes, long heapBytes, long liveAfterGcBytes) {
        String describe() {
            return String.format("peak RSS %d MB, peak heap used %d MB, peak old gen after GC %d MB",
                    rssBytes >> 20, heapBytes >> 20, liveAfterGcBytes >> 20);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    Peak peak() {
        sample();
        return new Peak(status("VmHWM"), peakHeap, peakLive);
    }

    private void sample() {
        try {
            peakHeap = Math.max(peakHeap, value(heap));
            peakLive = Math.max(peakLive, value(live));
        } catch (IOException e) {
            // a missed sample; the next one counts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long value(URI metric) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(metric).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = VALUE.matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
        } catch (IOException e) {
            // VmHWM then covers the process since its start; still an upper bound
        }
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
