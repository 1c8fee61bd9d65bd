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
 * at the start of the phase through {@code clear_refs}) and the JVM's used heap from the Prometheus endpoint
 * ({@code jvm_memory_used_bytes{area="heap"}} summed over pools), sampled every 200 ms.
 */
final class MemoryWatch implements AutoCloseable {
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\".*} ([0-9.E+]+)$",
            Pattern.MULTILINE);
    private static final Pattern LIVE = Pattern.compile("^jvm_gc_live_data_size_bytes(?:\\{.*})? ([0-9.E+]+)$",
            Pattern.MULTILINE);

    private final long pid;
    private final URI prometheus;
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
        this.prometheus = base.resolve("/actuator/prometheus");
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
            String body = http.send(HttpRequest.newBuilder(prometheus).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long heap = 0;
            Matcher m = HEAP.matcher(body);
            while (m.find()) {
                heap += (long) Double.parseDouble(m.group(1));
            }
            peakHeap = Math.max(peakHeap, heap);
            Matcher live = LIVE.matcher(body);
            if (live.find()) {
                peakLive = Math.max(peakLive, (long) Double.parseDouble(live.group(1)));
            }
        } catch (IOException e) {
            // a missed sample; the next one counts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
