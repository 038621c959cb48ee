package dev.ballast.source.prometheus;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves MonoVertex pod metrics as Numaflow's pods do: {@code monovtx_read_total{mvtx_name,
 * mvtx_replica, source_partition}} (a counter that grows at a set rate, computed at scrape time so
 * that it is perfectly steady) and {@code monovtx_pending_raw{mvtx_name, mvtx_replica}}.
 */
public final class MonoVertexExporter implements AutoCloseable {

    /** One MonoVertex replica's series. */
    public static final class Series {
        public volatile double ratePerSecond;
        public volatile double pending;

        /** Whether the pending gauge is served: false as when replica 0 cannot be scraped. */
        public volatile boolean pendingServed = true;

        volatile long startMillis = System.currentTimeMillis();
        volatile double base;

        double counter() {
            return base + ratePerSecond * (System.currentTimeMillis() - startMillis) / 1000.0;
        }

        /** Changes the rate from now on without a jump in the counter. */
        public void rate(double perSecond) {
            base = counter();
            startMillis = System.currentTimeMillis();
            ratePerSecond = perSecond;
        }
    }

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final int port;
    private HTTPServer server;

    private MonoVertexExporter(int port) {
        this.port = port;
    }

    /** Starts on a free port. */
    public static MonoVertexExporter start() throws IOException {
        MonoVertexExporter exporter = new MonoVertexExporter(PrometheusServer.freePort());
        exporter.serve();
        return exporter;
    }

    private void serve() throws IOException {
        CollectorRegistry registry = new CollectorRegistry();
        new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                List<MetricFamilySamples.Sample> reads = new ArrayList<>();
                List<MetricFamilySamples.Sample> pendings = new ArrayList<>();
                series.forEach(
                        (name, s) -> {
                            reads.add(
                                    new MetricFamilySamples.Sample(
                                            "monovtx_read_total",
                                            List.of(
                                                    "mvtx_name",
                                                    "mvtx_replica",
                                                    "source_partition"),
                                            List.of(name, "0", "0"),
                                            s.counter()));
                            if (s.pendingServed) {
                                pendings.add(
                                        new MetricFamilySamples.Sample(
                                                "monovtx_pending_raw",
                                                List.of("mvtx_name", "mvtx_replica"),
                                                List.of(name, "0"),
                                                s.pending));
                            }
                        });
                return List.of(
                        new MetricFamilySamples(
                                "monovtx_read", Type.COUNTER, "Messages read.", reads),
                        new MetricFamilySamples(
                                "monovtx_pending_raw", Type.GAUGE, "Pending messages.", pendings));
            }
        }.register(registry);
        server = new HTTPServer(new InetSocketAddress("127.0.0.1", port), registry, true);
    }

    /** The series of MonoVertex {@code name}, made on first use (rate 0, pending 0). */
    public Series monoVertex(String name) {
        return series.computeIfAbsent(name, n -> new Series());
    }

    /** New series for MonoVertex {@code name}, served from the next scrape with these values. */
    public Series monoVertex(String name, double ratePerSecond, double pending) {
        Series s = new Series();
        s.ratePerSecond = ratePerSecond;
        s.pending = pending;
        if (series.putIfAbsent(name, s) != null) {
            throw new IllegalStateException(name + " is served already");
        }
        return s;
    }

    /** {@code host:port} for a scrape config. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** A restart: the server goes away and comes back with every counter from 0. */
    void restart() throws IOException {
        server.close();
        for (Series s : series.values()) {
            s.base = 0;
            s.startMillis = System.currentTimeMillis();
        }
        serve();
    }

    @Override
    public void close() {
        server.close();
    }
}
