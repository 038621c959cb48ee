package dev.ballast.source.prometheus;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) on a free loopback port, with its
 * own config and storage in a temporary directory, scraping the given targets every second. When
 * the binary is missing, tests fail under {@code CI=true} and are skipped loudly otherwise.
 */
public final class PrometheusServer implements AutoCloseable {

    static final String BINARY = "/usr/bin/prometheus";

    private final Path dir;
    private final int port;
    private Process process;

    private PrometheusServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Fails (in CI) or skips loudly (elsewhere) when Prometheus is not installed. */
    public static void requireBinary() {
        requireTool(BINARY);
    }

    /**
     * Fails (in CI) or skips loudly (elsewhere) when {@code path}, a tool of Debian's {@code
     * prometheus} package, is not installed.
     */
    public static void requireTool(String path) {
        if (new File(path).canExecute()) {
            return;
        }
        String message =
                path
                        + " is not installed: install Debian's prometheus package (apt-get install"
                        + " -y --no-install-recommends prometheus) to run these tests; .ci/run"
                        + " does.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        System.err.println("\n*** SKIPPING: " + message + " ***\n");
        Assumptions.abort(message);
    }

    /**
     * Starts Prometheus scraping {@code targets} ({@code host:port}) every second, each with a
     * {@code namespace} label, and waits until it is ready.
     */
    public static PrometheusServer start(List<String> targets, String namespace)
            throws IOException {
        return start(targets, namespace, 1);
    }

    /** As {@link #start(List, String)}, scraping every {@code scrapeSeconds}. */
    public static PrometheusServer start(List<String> targets, String namespace, int scrapeSeconds)
            throws IOException {
        requireBinary();
        Path dir = Files.createTempDirectory("ballast-prometheus");
        int port = freePort();
        StringBuilder config = new StringBuilder();
        config.append("global:\n  scrape_interval: " + scrapeSeconds + "s\n")
                .append("  evaluation_interval: 1s\n")
                .append("scrape_configs:\n  - job_name: monovertex\n")
                .append("    scrape_interval: " + scrapeSeconds + "s\n")
                .append("    scrape_timeout: " + scrapeSeconds + "s\n")
                .append("    static_configs:\n      - targets: [");
        for (int i = 0; i < targets.size(); i++) {
            config.append(i == 0 ? "" : ", ").append('"').append(targets.get(i)).append('"');
        }
        config.append("]\n        labels:\n          namespace: ").append(namespace).append('\n');
        Files.writeString(dir.resolve("prometheus.yml"), config);
        PrometheusServer server = new PrometheusServer(dir, port);
        server.launch();
        return server;
    }

    private void launch() throws IOException {
        process =
                new ProcessBuilder(
                                BINARY,
                                "--config.file=" + dir.resolve("prometheus.yml"),
                                "--storage.tsdb.path=" + dir.resolve("data"),
                                "--web.listen-address=127.0.0.1:" + port,
                                "--log.level=warn")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("prometheus.log").toFile())
                        .start();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .alias("Prometheus ready on port " + port)
                .until(this::ready);
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Prometheus exited: " + log());
        }
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(url() + "/-/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(500);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The server's base URL. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server, keeping its data, so that a test can see what Ballast does meanwhile. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
