package dev.ballast.bench;

import dev.ballast.core.config.MapConfigView;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.ProviderContext;
import dev.ballast.source.prometheus.MonoVertexExporter;
import dev.ballast.source.prometheus.PrometheusMetricSource;
import dev.ballast.source.prometheus.PrometheusServer;
import dev.ballast.source.prometheus.PrometheusSourceProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Per-target versus batch queries against a real Prometheus server scraping N MonoVertex targets
 * (every 5 s), for one 5 s interval: wall time from the first read to the last answer, queries
 * sent, targets known, heap. Usage: {@code java -Xmx2g -cp bench/target/benchmarks.jar
 * dev.ballast.bench.PrometheusLoadRun 1000 10000 100000}. Per-target mode is run up to {@code
 * -Dper.target.max} targets (default 10,000).
 */
public final class PrometheusLoadRun {

    private static final int LOOKBACK_SECONDS = 30;

    private PrometheusLoadRun() {}

    public static void main(String[] args) throws Exception {
        int perTargetMax = Integer.getInteger("per.target.max", 10_000);
        System.out.println(
                "| targets | mode | wall time for one interval | queries | targets known | heap"
                        + " used after GC |");
        System.out.println("|---|---|---|---|---|---|");
        for (String arg : args) {
            int n = Integer.parseInt(arg);
            run(n, perTargetMax);
        }
    }

    private static void run(int n, int perTargetMax) throws Exception {
        try (MonoVertexExporter exporter = MonoVertexExporter.start()) {
            for (int i = 0; i < n; i++) {
                MonoVertexExporter.Series s = exporter.monoVertex("mv-" + i);
                s.rate(10);
                s.pending = 5;
            }
            try (PrometheusServer prometheus =
                    PrometheusServer.start(List.of(exporter.address()), "bench", 5)) {
                List<Target> targets = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    targets.add(
                            Target.of(
                                    TargetRef.monoVertex("bench", "mv-" + i),
                                    ScaleSpec.builder().lookbackSeconds(LOOKBACK_SECONDS).build()));
                }
                waitForData(prometheus.url(), targets.get(n - 1));
                measure(prometheus.url(), targets, true);
                if (n <= perTargetMax) {
                    measure(prometheus.url(), targets, false);
                } else {
                    System.out.printf(
                            "| %,d | per target | not run (3 queries per target: %,d) | | | |%n",
                            n, 3L * n);
                }
            }
        }
    }

    private static void waitForData(String url, Target last) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try (MetricSource probe = source(url, false)) {
                Readings r = probe.read(last).toCompletableFuture().get();
                if (r.allKnown()) {
                    return;
                }
            } catch (Exception e) {
                // not ready yet
            }
            Thread.sleep(1000); // a load run waiting for scrapes, not a test
        }
        throw new IllegalStateException(
                "Prometheus has no data for " + last.ref() + " after 3 minutes");
    }

    private static void measure(String url, List<Target> targets, boolean batch) throws Exception {
        try (PrometheusMetricSource source = source(url, batch)) {
            System.gc();
            long queriesBefore = source.queriesSent();
            long start = System.nanoTime();
            List<CompletableFuture<Readings>> reads = new ArrayList<>(targets.size());
            for (Target t : targets) {
                reads.add(source.read(t).toCompletableFuture());
            }
            reads.get(0).join();
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            if (batch) {
                String fetch = timeQueries(url);
                System.out.printf(
                        "|   | (batch: first answer after %,d ms; each query alone, sent one after"
                                + " another with the JDK client and the body discarded: %s) | | |"
                                + " | |%n",
                        firstMillis, fetch);
            }
            long known = reads.stream().filter(f -> f.join().allKnown()).count();
            System.gc();
            long heapMiB =
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            System.out.printf(
                    "| %,d | %s | %,d ms | %,d | %,d | %,d MiB |%n",
                    targets.size(),
                    batch ? "batch" : "per target",
                    wallMillis,
                    source.queriesSent() - queriesBefore,
                    known,
                    heapMiB);
            reads.clear();
        }
    }

    /** The source's default batch query of that key, for the targets' lookback. */
    private static String batchQuery(String key) {
        return new PrometheusSourceProvider()
                .options().stream()
                        .filter(o -> o.key().equals(key))
                        .findFirst()
                        .flatMap(o -> o.defaultValue())
                        .map(
                                q ->
                                        q.toString()
                                                .replace(
                                                        "{lookback}",
                                                        Integer.toString(LOOKBACK_SECONDS)))
                        .orElseThrow(() -> new IllegalStateException("no default for " + key));
    }

    /**
     * Prometheus's own share: each batch query over HTTP, bodies read and dropped, and, for
     * comparison, the plain average of pending that a window holding -1s would spoil.
     */
    private static String timeQueries(String url) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("rate", batchQuery("batchRateQuery"));
        queries.put("pending", batchQuery("batchPendingQuery"));
        queries.put("freshness", batchQuery("batchFreshnessQuery"));
        queries.put(
                "plain average of pending",
                "avg by (namespace, mvtx_name)"
                        + " (avg_over_time(monovtx_pending_raw{mvtx_replica=\"0\"}["
                        + LOOKBACK_SECONDS
                        + "s]))");
        List<String> times = new ArrayList<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            long start = System.nanoTime();
            http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/query"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(
                                    java.net.http.HttpRequest.BodyPublishers.ofString(
                                            "query="
                                                    + java.net.URLEncoder.encode(
                                                            q.getValue(),
                                                            java.nio.charset.StandardCharsets
                                                                    .UTF_8)))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            times.add(
                    String.format(
                            "%s %,d ms", q.getKey(), (System.nanoTime() - start) / 1_000_000));
        }
        return String.join(", ", times);
    }

    private static PrometheusMetricSource source(String url, boolean batch) {
        MapConfigView root =
                MapConfigView.root(
                        Map.of(
                                "prometheus",
                                Map.of(
                                        "url",
                                        url,
                                        "batch",
                                        batch,
                                        "timeout",
                                        "60s",
                                        "maxConcurrentQueries",
                                        64)));
        return (PrometheusMetricSource)
                new PrometheusSourceProvider()
                        .create(
                                ProviderContext.of(
                                        root.section("prometheus"),
                                        Clock.systemUTC(),
                                        false,
                                        Duration.ofSeconds(5)));
    }
}
