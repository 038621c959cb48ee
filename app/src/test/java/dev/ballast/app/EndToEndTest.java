package dev.ballast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.core.model.TargetRef;
import dev.ballast.source.daemon.EmulatedDaemon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole app (Dagger graph from YAML, daemon source over TLS through the resilience layer, the
 * policy, the memory actuator, decision log, metrics server) against emulated daemons.
 */
class EndToEndTest {

    static final TargetRef ORDERS = TargetRef.monoVertex("prod", "orders");
    static final TargetRef PAYMENTS = TargetRef.monoVertex("prod", "payments");

    @TempDir Path dir;
    EmulatedDaemon daemon;
    RunningBallast ballast;

    /** What the daemon answers per MonoVertex name; absent = connection cut (dead daemon). */
    final Map<String, String> answers = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        if (ballast != null) {
            ballast.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    String config(String extra, String targets) {
        return String.join(
                "\n",
                "interval: 200ms",
                "server:",
                "  port: 0",
                "source:",
                "  type: daemon",
                "  daemon:",
                "    urlTemplate: \"https://localhost:" + daemon.port() + "/{namespace}/{name}\"",
                "    timeout: 1s",
                "    connectTimeout: 500ms",
                "resilience:",
                "  retry:",
                "    maxAttempts: 2",
                "    initialBackoff: 10ms",
                "  circuitBreaker:",
                "    minimumCalls: 3",
                "    slidingWindowSize: 3",
                "    openFor: 1s",
                "    perEndpointMetrics: true",
                "actuator:",
                "  type: memory",
                "discovery:",
                "  type: static",
                "  static:",
                targets,
                extra);
    }

    static String target(String name, int replicas, String scale) {
        return "    - namespace: prod\n      name: "
                + name
                + "\n      replicas: "
                + replicas
                + "\n      scale: {"
                + scale
                + "}";
    }

    static final String FAST =
            "scaleUpCooldownSeconds: 0, scaleDownCooldownSeconds: 0, zeroReplicaSleepSeconds: 3600";

    /**
     * Waits for a logged decision, not for the replicas: the loop sets the replicas before it logs
     * the decision that set them.
     */
    void awaitLogged(String target, Predicate<JsonNode> decision) {
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> ballast.decisionsOf(target).stream().anyMatch(decision));
    }

    static boolean isAction(JsonNode decision, String action) {
        return decision.get("action").asText().equals(action);
    }

    void startDaemon() throws Exception {
        daemon = EmulatedDaemon.start().answerEach(answers::get);
    }

    @Test
    void aDaemonRestartNeverScalesDownAndRecoveryWaitsForWarmUp() throws Exception {
        startDaemon();
        answers.put("orders", EmulatedDaemon.rateNotYetKnown("orders"));
        ballast =
                RunningBallast.start(
                        config("", target("orders", 4, "min: 0, max: 10, " + FAST)), dir);

        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> ballast.decisionsOf("prod/orders").size() >= 5);
        assertThat(ballast.replicas(ORDERS)).isEqualTo(4);
        List<JsonNode> unknown = ballast.decisionsOf("prod/orders");
        assertThat(unknown)
                .allSatisfy(
                        d -> {
                            assertThat(d.get("action").asText()).isEqualTo("none");
                            assertThat(d.get("rate").isNull()).isTrue();
                        });
        assertThat(unknown.stream().map(d -> d.get("reason").asText()).collect(Collectors.toSet()))
                .isSubsetOf("RATE_UNKNOWN", "STARTUP_GRACE");

        // The rater knows a rate again; pending 0 would mean fewer replicas, but not during
        // warm-up.
        int before = ballast.decisionsOf("prod/orders").size();
        answers.put("orders", EmulatedDaemon.metrics("orders", 50, 0));
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> ballast.reasonsOf("prod/orders").size() >= before + 3);
        List<String> recovery = ballast.reasonsOf("prod/orders").subList(before, before + 3);
        assertThat(recovery.subList(0, 2)).containsOnly("WARMING_UP");

        // A real idle period, known: down to min, by steps of 2.
        answers.put("orders", EmulatedDaemon.metrics("orders", 0, 0));
        awaitLogged("prod/orders", d -> isAction(d, "down") && d.get("desired").asInt() == 0);
        assertThat(ballast.replicas(ORDERS)).isZero();
        List<JsonNode> downs =
                ballast.decisionsOf("prod/orders").stream()
                        .filter(d -> d.get("action").asText().equals("down"))
                        .collect(Collectors.toList());
        assertThat(downs).isNotEmpty();
        assertThat(downs)
                .allSatisfy(
                        d ->
                                assertThat(d.get("current").asInt() - d.get("desired").asInt())
                                        .isLessThanOrEqualTo(2));
        assertThat(downs.get(downs.size() - 1).get("reason").asText()).isEqualTo("SCALE_TO_ZERO");
    }

    @Test
    void aBacklogScalesUpByStepsToMax() throws Exception {
        startDaemon();
        answers.put("orders", EmulatedDaemon.metrics("orders", 10, 100_000));
        ballast =
                RunningBallast.start(
                        config("", target("orders", 1, "min: 1, max: 7, " + FAST)), dir);

        awaitLogged("prod/orders", d -> isAction(d, "up") && d.get("desired").asInt() == 7);
        assertThat(ballast.replicas(ORDERS)).isEqualTo(7);

        List<JsonNode> ups =
                ballast.decisionsOf("prod/orders").stream()
                        .filter(d -> d.get("action").asText().equals("up"))
                        .collect(Collectors.toList());
        assertThat(ups).extracting(d -> d.get("desired").asInt()).containsExactly(3, 5, 7);
        assertThat(ups).allSatisfy(d -> assertThat(d.get("reason").asText()).isEqualTo("SCALE_UP"));
    }

    @Test
    void oneDeadDaemonDoesNotStopTheOthersAndItsCircuitOpensAndCloses() throws Exception {
        startDaemon();
        answers.put("orders", EmulatedDaemon.metrics("orders", 10, 100_000));
        // payments' daemon is dead: no answer entry, the connection is cut.
        ballast =
                RunningBallast.start(
                        config(
                                "",
                                target("orders", 1, "min: 1, max: 5, " + FAST)
                                        + "\n"
                                        + target("payments", 3, "min: 0, max: 5, " + FAST)),
                        dir);

        await().atMost(10, TimeUnit.SECONDS).until(() -> ballast.replicas(ORDERS) == 5);
        await().atMost(10, TimeUnit.SECONDS)
                .until(
                        () ->
                                ballast.decisionsOf("prod/payments").stream()
                                        .anyMatch(
                                                d ->
                                                        d.get("explanation")
                                                                .asText()
                                                                .contains("CIRCUIT_OPEN")));
        assertThat(ballast.replicas(PAYMENTS)).isEqualTo(3);
        assertThat(ballast.reasonsOf("prod/payments")).containsOnly("SOURCE_UNAVAILABLE");

        // The daemon comes back: after openFor, a trial call closes the circuit.
        answers.put("payments", EmulatedDaemon.metrics("payments", 20, 200));
        await().atMost(15, TimeUnit.SECONDS)
                .until(
                        () -> {
                            List<JsonNode> ds = ballast.decisionsOf("prod/payments");
                            return !ds.isEmpty() && !ds.get(ds.size() - 1).get("rate").isNull();
                        });
        assertThat(metrics())
                .contains("resilience4j_circuitbreaker_state")
                .contains("ballast_circuit_breakers{state=\"closed\",}");
    }

    @Test
    void dryRunDecidesAndLogsButChangesNothing() throws Exception {
        startDaemon();
        answers.put("orders", EmulatedDaemon.metrics("orders", 10, 100_000));
        ballast =
                RunningBallast.start(
                        config("dryRun: true", target("orders", 1, "min: 1, max: 7, " + FAST)),
                        dir);

        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> ballast.decisionsOf("prod/orders").size() >= 3);

        assertThat(ballast.replicas(ORDERS)).isEqualTo(1);
        JsonNode d = ballast.decisionsOf("prod/orders").get(0);
        assertThat(d.get("dryRun").asBoolean()).isTrue();
        assertThat(d.get("action").asText()).isEqualTo("up");
        assertThat(d.get("desired").asInt()).isEqualTo(3);
        assertThat(d.get("outcome").asText()).isEqualTo("DRY_RUN");
        assertThat(d.fieldNames())
                .toIterable()
                .contains(
                        "time", "target", "kind", "current", "desired", "action", "reason", "rate",
                        "pending", "dryRun");
    }

    @Test
    void servesMetricsHealthAndReadiness() throws Exception {
        startDaemon();
        answers.put("orders", EmulatedDaemon.metrics("orders", 10, 200));
        ballast =
                RunningBallast.start(
                        config("", target("orders", 1, "min: 1, max: 7, " + FAST)), dir);

        await().atMost(10, TimeUnit.SECONDS).until(() -> get("/readyz").statusCode() == 200);

        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> metrics().contains("ballast_decisions_total{action=\"none\""));
        assertThat(metrics())
                .contains("ballast_replicas_current{namespace=\"prod\",name=\"orders\",}")
                .contains("ballast_source_request_seconds_bucket")
                .contains("ballast_loop_lag_seconds_bucket")
                .contains("resilience4j_retry_calls")
                .contains("jvm_memory_bytes_used");
        assertThat(ballastMetricsInTheAlertRules())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(metrics()).contains("# TYPE " + name + " "));
    }

    /**
     * The Ballast metrics the example alert rules of docs/operations.md use, by the names of their
     * {@code # TYPE} lines (a histogram's, not its buckets').
     */
    static java.util.Set<String> ballastMetricsInTheAlertRules() throws java.io.IOException {
        String rules = AlertRulesDocTest.rules();
        java.util.Set<String> families = new java.util.TreeSet<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\bballast_[a-z_]+").matcher(rules);
        while (m.find()) {
            families.add(m.group().replaceFirst("_(bucket|count|sum)$", ""));
        }
        return families;
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:"
                                                        + ballast.app.serverPort().orElseThrow()
                                                        + path))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    String metrics() throws Exception {
        return get("/metrics").body();
    }
}
