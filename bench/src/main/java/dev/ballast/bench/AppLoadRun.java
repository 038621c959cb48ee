package dev.ballast.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.ballast.app.BallastApp;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.config.AppConfigLoader;
import dev.ballast.app.wiring.BallastComponent;
import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.Evaluation;
import dev.ballast.core.model.Reading;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real app path under load: N MonoVertex targets (static discovery, memory actuator) against
 * one emulated daemon on loopback (another process) answering every target's path, at a 5 s
 * interval. Reports, over the measured intervals: interval duration, p50/p99 evaluation latency,
 * p99 loop lag, evaluations per second, the share of evaluations whose rate was known (a loop on
 * time with unknown signals does not hold), process CPU and heap.
 *
 * <p>System properties: {@code scheme} (https, or http), {@code standin} (netty, the light
 * stand-in, or jdk, the JDK's HTTP server), {@code slots} (the client's request slots, 64), {@code
 * warmup} and {@code intervals} (intervals left out, then measured), {@code dead} (the percentage
 * of targets whose daemon never answers), {@code timeline} (print each completed interval to
 * stderr).
 *
 * <p>Usage: {@code java -Xmx512m -cp bench/target/benchmarks.jar dev.ballast.bench.AppLoadRun 1000
 * 10000 20000 50000}
 */
public final class AppLoadRun {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final String SCHEME = System.getProperty("scheme", "https");
    static final int WARM_INTERVALS = Integer.getInteger("warmup", 2);
    static final int MEASURED_INTERVALS = Integer.getInteger("intervals", 6);
    static final String STAND_IN = System.getProperty("standin", "netty");
    // One host stands for every daemon, so the client's per-host limit is its global one.
    static final int SLOTS = Integer.getInteger("slots", 64);
    static final int IDLE = Integer.getInteger("idle", SLOTS);
    // Each daemon its own host name (all on loopback), as real daemons are: one connection each.
    static final boolean DISTINCT_HOSTS = "distinct".equals(System.getProperty("hosts", "one"));

    private AppLoadRun() {}

    public static void main(String[] args) throws Exception {
        int deadPercent = Integer.getInteger("dead", 0);
        try (StandIn daemon = startDaemon()) {
            int port = daemon.port;
            System.out.println("daemon stand-in: " + daemon.description + ", " + SCHEME);
            System.out.println(
                    "| targets | dead daemons | interval duration p50 / max | evaluation p50 / p99"
                        + " | loop lag p99 | evaluations/s | rate known | CPU (of 2 cores) | heap"
                        + " after GC |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (String arg : args) {
                run(Integer.parseInt(arg), deadPercent, port);
            }
        }
    }

    private static void run(int n, int deadPercent, int port) throws Exception {
        int dead = n * deadPercent / 100;
        String host = "127.0.0.1";
        int perHost = SLOTS;
        if (DISTINCT_HOSTS) {
            host = "{name}.{namespace}.bench";
            perHost = 5;
            writeHostsFile(n, dead);
        }
        StringBuilder yaml = new StringBuilder();
        yaml.append("interval: 5s\nworkers: 2\nserver: {port: -1}\ndecisions: {file: \"\"}\n")
                .append(
                        "source:\n  type: daemon\n  daemon: {urlTemplate: \""
                                + SCHEME
                                + "://"
                                + host
                                + ":")
                .append(port)
                .append(
                        "/{namespace}/{name}\", timeout: 2s, connectTimeout: 1s,"
                                + " maxConcurrentRequests: "
                                + SLOTS
                                + ", maxRequestsPerHost: "
                                + perHost
                                + ", maxIdleConnections: "
                                + IDLE
                                + "}\n")
                .append("resilience: {retry: {maxAttempts: 2, initialBackoff: 100ms}}\n")
                .append("actuator: {type: memory}\ndiscovery:\n  type: static\n  static:\n");
        for (int i = 0; i < n; i++) {
            String name = (i < dead ? "dead-" : "mv-") + i;
            yaml.append("    - {namespace: bench, name: ")
                    .append(name)
                    .append(", replicas: 2, scale: {max: 10}}\n");
        }
        AppConfig config = AppConfigLoader.parse(yaml.toString(), "load run");
        Stats stats = new Stats();
        try (BallastApp app =
                BallastComponent.builder()
                        .config(config)
                        .clock(Clock.systemUTC())
                        .timeScale(1)
                        .listeners(List.of(stats))
                        .build()
                        .app()) {
            app.start();
            Thread.sleep(INTERVAL.toMillis() * WARM_INTERVALS); // a load run's pacing, not a test
            stats.reset();
            OperatingSystemMXBean os =
                    (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            Thread.sleep(INTERVAL.toMillis() * MEASURED_INTERVALS);
            double cpu =
                    (os.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
            long evaluations = stats.count();
            double seconds = (System.nanoTime() - wallStart) / 1e9;
            System.gc();
            long heap =
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            System.out.printf(
                    "| %,d | %d%% | %s / %s | %s / %s | %s | %,.0f | %.1f%% | %.0f%% | %d MiB |%n",
                    n,
                    deadPercent,
                    ms(stats.intervalPercentile(50)),
                    ms(stats.intervalPercentile(100)),
                    ms(stats.evaluationPercentile(50)),
                    ms(stats.evaluationPercentile(99)),
                    ms(stats.lagPercentile(99)),
                    evaluations / seconds,
                    stats.knownPercent(),
                    cpu * 100 / 2,
                    heap);
        }
    }

    /** Maps every target's daemon host name to loopback, in the JDK's hosts file for this run. */
    private static void writeHostsFile(int n, int dead) throws java.io.IOException {
        String file = System.getProperty("jdk.net.hosts.file");
        if (file == null) {
            throw new IllegalStateException(
                    "-Dhosts=distinct needs -Djdk.net.hosts.file=<a writable path> on the command"
                            + " line, so that the JDK resolves the daemons' names from it");
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append("127.0.0.1 ")
                    .append(i < dead ? "dead-" : "mv-")
                    .append(i)
                    .append(".bench.bench\n");
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(file), lines);
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format("%,.1f ms", nanos / 1e6);
    }

    private static StandIn startDaemon() throws Exception {
        switch (STAND_IN) {
            case "netty":
                return StandIn.start(NettyDaemon.class, List.of(), SCHEME, "1");
            case "jdk":
                return StandIn.start(
                        LoopbackDaemon.class,
                        List.of(
                                "-Dsun.net.httpserver.nodelay=true",
                                // The JDK server keeps only 200 idle connections by default and
                                // closes the rest: each close costs a new TLS handshake.
                                "-Dsun.net.httpserver.maxIdleConnections=2048"),
                        SCHEME,
                        "64");
            default:
                throw new IllegalArgumentException(
                        "-Dstandin='" + STAND_IN + "' is not valid; expected netty or jdk");
        }
    }

    /** Collects durations from the loop's listener callbacks. */
    static final class Stats implements DecisionListener {
        private static final boolean TIMELINE = Boolean.getBoolean("timeline");
        private final long created = System.nanoTime();
        private long sinceLastInterval;
        private final java.util.Map<String, Integer> causes = new java.util.TreeMap<>();
        private final List<Long> evaluations = new ArrayList<>();
        private final List<Long> lags = new ArrayList<>();
        private final List<Long> intervals = new ArrayList<>();
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong known = new AtomicLong();

        @Override
        public synchronized void onEvaluation(Evaluation e) {
            evaluations.add(e.duration().toNanos());
            lags.add(e.lag().toNanos());
            count.incrementAndGet();
            sinceLastInterval++;
            Reading rate = e.decision().readings().map(r -> r.rate()).orElse(null);
            if (rate != null && rate.isKnown()) {
                known.incrementAndGet();
            }
            if (rate instanceof Reading.Unknown) {
                causes.merge(((Reading.Unknown) rate).cause().toString(), 1, Integer::sum);
            } else if (rate == null) {
                causes.merge("no readings", 1, Integer::sum);
            }
        }

        @Override
        public synchronized void onIntervalCompleted(int targets, int skipped, Duration duration) {
            intervals.add(duration.toNanos());
            if (TIMELINE) {
                System.err.printf(
                        "t=%5.1fs interval %,d ms, %,d targets, %,d skipped; since the last:"
                                + " %,d evaluations, %,d with unknown rate %s%n",
                        (System.nanoTime() - created) / 1e9,
                        duration.toMillis(),
                        targets,
                        skipped,
                        sinceLastInterval,
                        causes.values().stream().mapToInt(Integer::intValue).sum(),
                        causes);
            }
            causes.clear();
            sinceLastInterval = 0;
        }

        synchronized void reset() {
            evaluations.clear();
            lags.clear();
            intervals.clear();
            count.set(0);
            known.set(0);
        }

        long count() {
            return count.get();
        }

        /** The share of evaluations, in percent, whose rate was known. */
        double knownPercent() {
            long n = count.get();
            return n == 0 ? 0 : 100.0 * known.get() / n;
        }

        synchronized long evaluationPercentile(int p) {
            return percentile(evaluations, p);
        }

        synchronized long lagPercentile(int p) {
            return percentile(lags, p);
        }

        synchronized long intervalPercentile(int p) {
            return percentile(intervals, p);
        }

        private static long percentile(List<Long> values, int p) {
            if (values.isEmpty()) {
                return -1;
            }
            long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)];
        }
    }
}
