package dev.ballast.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.ballast.app.BallastApp;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.config.AppConfigLoader;
import dev.ballast.app.wiring.BallastComponent;
import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.Evaluation;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real app path under load: N MonoVertex targets (static discovery, memory actuator) against
 * one emulated daemon over HTTPS on loopback (another process) answering every target's path, at a
 * 5 s interval. Reports, over the measured intervals: interval duration, p50/p99 evaluation
 * latency, p99 loop lag, evaluations per second, process CPU and heap. With {@code -Ddead=10}, that
 * percentage of targets has a daemon that never answers.
 *
 * <p>Usage: {@code java -Xmx512m -cp bench/target/benchmarks.jar dev.ballast.bench.AppLoadRun 1000
 * 10000 20000 50000}
 */
public final class AppLoadRun {

    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final String SCHEME = System.getProperty("scheme", "https");
    static final int WARM_INTERVALS = 2;
    static final int MEASURED_INTERVALS = Integer.getInteger("intervals", 6);

    private AppLoadRun() {}

    public static void main(String[] args) throws Exception {
        int deadPercent = Integer.getInteger("dead", 0);
        Process daemon = startDaemon();
        try {
            int port = port(daemon);
            System.out.println(
                    "| targets | dead daemons | interval duration p50 / max | evaluation p50 / p99"
                        + " | loop lag p99 | evaluations/s | CPU (of 2 cores) | heap after GC |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (String arg : args) {
                run(Integer.parseInt(arg), deadPercent, port);
            }
        } finally {
            daemon.destroy();
        }
    }

    private static void run(int n, int deadPercent, int port) throws Exception {
        StringBuilder yaml = new StringBuilder();
        yaml.append("interval: 5s\nworkers: 2\nserver: {port: -1}\ndecisions: {file: \"\"}\n")
                .append(
                        "source:\n  type: daemon\n  daemon: {urlTemplate: \""
                                + SCHEME
                                + "://127.0.0.1:")
                .append(port)
                .append(
                        "/{namespace}/{name}\", timeout: 2s, connectTimeout: 1s,"
                                + " maxConcurrentRequests: 512, maxRequestsPerHost: 512,"
                                + " maxIdleConnections: 512}\n")
                .append("resilience: {retry: {maxAttempts: 2, initialBackoff: 100ms}}\n")
                .append("actuator: {type: memory}\ndiscovery:\n  type: static\n  static:\n");
        int dead = n * deadPercent / 100;
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
                    "| %,d | %d%% | %s / %s | %s / %s | %s | %,.0f | %.0f%% | %d MiB |%n",
                    n,
                    deadPercent,
                    ms(stats.intervalPercentile(50)),
                    ms(stats.intervalPercentile(100)),
                    ms(stats.evaluationPercentile(50)),
                    ms(stats.evaluationPercentile(99)),
                    ms(stats.lagPercentile(99)),
                    evaluations / seconds,
                    cpu * 100 / 2,
                    heap);
        }
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format("%,.1f ms", nanos / 1e6);
    }

    private static Process startDaemon() throws Exception {
        String java =
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(
                        java,
                        "-Dsun.net.httpserver.nodelay=true",
                        // The JDK server keeps only 200 idle connections by default and closes
                        // the rest: each close costs a new TLS handshake.
                        "-Dsun.net.httpserver.maxIdleConnections=2048",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoopbackDaemon.class.getName(),
                        SCHEME,
                        "64")
                .redirectErrorStream(true)
                .start();
    }

    private static int port(Process daemon) throws Exception {
        String line =
                new BufferedReader(
                                new InputStreamReader(
                                        daemon.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IllegalStateException("the loopback daemon did not start: " + line);
        }
        return Integer.parseInt(line.substring(5).trim());
    }

    /** Collects durations from the loop's listener callbacks. */
    static final class Stats implements DecisionListener {
        private final List<Long> evaluations = new ArrayList<>();
        private final List<Long> lags = new ArrayList<>();
        private final List<Long> intervals = new ArrayList<>();
        private final AtomicLong count = new AtomicLong();

        @Override
        public synchronized void onEvaluation(Evaluation e) {
            evaluations.add(e.duration().toNanos());
            lags.add(e.lag().toNanos());
            count.incrementAndGet();
        }

        @Override
        public synchronized void onIntervalCompleted(int targets, int skipped, Duration duration) {
            intervals.add(duration.toNanos());
        }

        synchronized void reset() {
            evaluations.clear();
            lags.clear();
            intervals.clear();
            count.set(0);
        }

        long count() {
            return count.get();
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
