package dev.ballast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as users run it: java -jar app/target/ballast.jar. */
class JarIT {

    static final Path JAR = Path.of("target", "ballast.jar");

    @TempDir Path dir;

    static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static List<String> drain(Process process, boolean stderr) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread t =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    stderr
                                                            ? process.getErrorStream()
                                                            : process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    lines.add(line);
                                }
                            } catch (java.io.IOException e) {
                                lines.add("read failed: " + e);
                            }
                        });
        t.setDaemon(true);
        t.start();
        return lines;
    }

    /** {@code java -jar ballast.jar run --config FILE} with {@code BALLAST_LOG_FORMAT=json}. */
    static Process runWithJsonLogs(Path config) throws java.io.IOException {
        ProcessBuilder builder =
                new ProcessBuilder(
                        java(), "-jar", JAR.toString(), "run", "--config", config.toString());
        builder.environment().put("BALLAST_LOG_FORMAT", "json");
        return builder.start();
    }

    @Test
    void helpWorksFromTheJar() throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", JAR.toString(), "--help").start();
        List<String> out = drain(p, false);

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> String.join("\n", out).contains("validate"));
    }

    @Test
    void withJsonLogsAConfigErrorIsAJsonLineToo() throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), "interval: 5 seconds\n");
        Process p = runWithJsonLogs(config);
        List<String> logs = drain(p, true);

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        await().atMost(5, TimeUnit.SECONDS).until(() -> !logs.isEmpty());
        JsonNode line = new ObjectMapper().readTree(logs.get(0));
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("formattedMessage").asText())
                .startsWith("ballast: configuration error: interval: '5 seconds' is not valid");
    }

    @Test
    void runsDecidesAndStopsCleanlyOnSigterm() throws Exception {
        Path config =
                Files.writeString(
                        dir.resolve("config.yaml"),
                        String.join(
                                "\n",
                                "interval: 1s",
                                "server: {port: 0}",
                                "source: {type: daemon, daemon: {urlTemplate:"
                                    + " \"http://127.0.0.1:9/{namespace}/{name}\", timeout: 300ms,"
                                    + " connectTimeout: 300ms}}",
                                "discovery:",
                                "  type: static",
                                "  static: [{namespace: prod, name: orders, replicas: 3}]",
                                "actuator: {type: memory}",
                                ""));
        long start = System.nanoTime();
        Process p = runWithJsonLogs(config);
        List<String> decisions = drain(p, false);
        List<String> logs = drain(p, true);

        await().atMost(30, TimeUnit.SECONDS).until(() -> !decisions.isEmpty());
        Duration firstDecision = Duration.ofNanos(System.nanoTime() - start);
        assertThat(decisions.get(0))
                .contains("\"target\":\"prod/orders\"")
                .contains("\"reason\":\"SOURCE_UNAVAILABLE\"");

        long stopAt = System.nanoTime();
        p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of the pipes
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s of SIGTERM").isTrue();
        Duration stopping = Duration.ofNanos(System.nanoTime() - stopAt);
        assertThat(p.exitValue()).as("a stop asked for is a success").isZero();
        await().atMost(5, TimeUnit.SECONDS)
                .alias("Ballast stopped in " + logs)
                .until(() -> logs.stream().anyMatch(l -> l.contains("Ballast stopped")));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logs) {
            lines.add(json.readTree(line)); // BALLAST_LOG_FORMAT=json: every line is an object
        }
        assertThat(lines)
                .anySatisfy(
                        l -> {
                            assertThat(l.path("level").asText()).isEqualTo("INFO");
                            assertThat(l.path("formattedMessage").asText())
                                    .startsWith("Ballast running: every 1s");
                        });
        System.out.printf(
                "jar: first decision %d ms after launch, stopped %d ms after SIGTERM%n",
                firstDecision.toMillis(), stopping.toMillis());
    }
}
