package dev.muster.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A bounded load: {@code requests} requests spread over {@code clients} threads, each with its own HTTP client,
 * recording every request's latency and every answer that is not the expected status.
 */
final class Load {
    private Load() {
    }

    record Figures(int requests, int clients, Duration took, long[] sortedNanos, int errors, String firstError) {
        double perSecond() {
            return requests / (took.toNanos() / 1e9);
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        String describe() {
            return String.format("%,.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors", perSecond(),
                    percentileMillis(50), percentileMillis(99), errors);
        }
    }

    /** A request and the status it must answer with. */
    record Call(HttpRequest request, int expectedStatus, java.util.function.Consumer<String> onBody) {
    }

    /** @param call request number (0..requests-1) to the call to make; each client takes every clients-th number */
    static Figures run(int requests, int clients, IntFunction<Call> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] latencies = new long[requests];
        int[] errors = new int[clients];
        String[] firstError = new String[clients];
        long start = System.nanoTime();
        try {
            var futures = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    for (int i = client; i < requests; i += clients) {
                        Call next = call.apply(i);
                        long t = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(next.request(),
                                    HttpResponse.BodyHandlers.ofString());
                            latencies[i] = System.nanoTime() - t;
                            if (response.statusCode() != next.expectedStatus()) {
                                errors[client]++;
                                if (firstError[client] == null) {
                                    firstError[client] = response.statusCode() + " " + abbreviate(response.body());
                                }
                            } else if (next.onBody() != null) {
                                next.onBody().accept(response.body());
                            }
                        } catch (Exception e) {
                            latencies[i] = System.nanoTime() - t;
                            errors[client]++;
                            if (firstError[client] == null) {
                                firstError[client] = e.toString();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Arrays.sort(latencies);
        List<String> firsts = Arrays.stream(firstError).filter(java.util.Objects::nonNull).toList();
        return new Figures(requests, clients, took, latencies, Arrays.stream(errors).sum(),
                firsts.isEmpty() ? null : firsts.get(0));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
