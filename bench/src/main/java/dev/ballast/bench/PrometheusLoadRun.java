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
                                    ScaleSpec.builder().lookbackSeconds(30).build()));
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
                long fetch = timeQueries(url);
                System.out.printf(
                        "|   | (batch: first answer after %,d ms; the three queries alone, sent"
                                + " one after another with the JDK client and the body discarded:"
                                + " %,d ms) | | | | |%n",
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

    /** Prometheus's own share: the batch queries over HTTP, bodies read and dropped. */
    private static long timeQueries(String url) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long start = System.nanoTime();
        for (String q :
                List.of(
                        "sum by (namespace, mvtx_name) (rate(monovtx_read_total[30s]))",
                        "avg by (namespace, mvtx_name)"
                                + " (avg_over_time(monovtx_pending_raw{mvtx_replica=\"0\"}[30s]))",
                        "max by (namespace, mvtx_name) (timestamp(monovtx_read_total))")) {
            http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/query"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(
                                    java.net.http.HttpRequest.BodyPublishers.ofString(
                                            "query="
                                                    + java.net.URLEncoder.encode(
                                                            q,
                                                            java.nio.charset.StandardCharsets
                                                                    .UTF_8)))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
        return (System.nanoTime() - start) / 1_000_000;
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
