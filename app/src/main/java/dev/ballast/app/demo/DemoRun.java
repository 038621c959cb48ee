package dev.ballast.app.demo;

import dev.ballast.app.BallastApp;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.config.AppConfigLoader;
import dev.ballast.app.local.MemoryActuator;
import dev.ballast.app.wiring.BallastComponent;
import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.Evaluation;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.policy.Decision;
import dev.ballast.sim.LiveWorld;
import dev.ballast.sim.PolicyKind;
import dev.ballast.sim.Scenario;
import dev.ballast.sim.Scorecard;
import dev.ballast.sim.Simulation;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The embedded demo: a simulated MonoVertex behind an in-process daemon over HTTPS, and the real
 * app path (daemon source over HTTP, resilience layer, core policy, memory actuator) scaling it,
 * all in accelerated time.
 */
public final class DemoRun {

    static final String NAMESPACE = "sim";
    static final String NAME = "mv";

    /** The outcome, for the command and for tests. */
    public record Result(Simulation.Run live, List<Simulation.Run> simulated) {}

    private DemoRun() {}

    /**
     * Runs {@code scenario} at {@code speed} times real time, printing the timeline to {@code out}.
     */
    public static Result run(Scenario scenario, double speed, long seed, PrintWriter out)
            throws Exception {
        LiveWorld world = new LiveWorld(scenario, seed);
        AcceleratedClock clock = new AcceleratedClock(Instant.parse("2026-01-01T00:00:00Z"), speed);
        List<Simulation.Step> steps = new ArrayList<>();
        DecisionListener timeline =
                evaluation -> {
                    synchronized (steps) {
                        steps.add(
                                new Simulation.Step(
                                        world.second(),
                                        evaluation.decision(),
                                        evaluation.decision().readings().orElse(null)));
                    }
                    out.println(line(world, evaluation));
                    out.flush();
                };
        try (SimulatedDaemonServer daemon = SimulatedDaemonServer.start(world, NAME)) {
            AppConfig config = AppConfigLoader.parse(yaml(scenario, daemon.port()), "demo config");
            out.printf(
                    Locale.ROOT,
                    "Ballast demo: %s (%s), %d simulated minutes at %.0fx; daemon on"
                            + " https://localhost:%d%n",
                    scenario.name(),
                    scenario.description(),
                    (int) (scenario.seconds() / 60),
                    speed,
                    daemon.port());
            out.println(" time   arrivals  pending      rate  replicas  decision");
            try (BallastApp app =
                    BallastComponent.builder()
                            .config(config)
                            .clock(clock)
                            .timeScale(speed)
                            .listeners(List.of(timeline))
                            .build()
                            .app()) {
                AppConfigLoader.rejectUnknownKeys(config);
                MemoryActuator replicas = (MemoryActuator) app.actuator();
                TargetRef ref = TargetRef.monoVertex(NAMESPACE, NAME);
                clock.start();
                app.start();
                long tick = Math.max(1, (long) (1000 / speed));
                while (world.advanceTo(clock.seconds())) {
                    world.scale(replicas.replicas(ref).orElse(scenario.replicas()));
                    TimeUnit.MILLISECONDS.sleep(tick); // paces the simulated world, not a test
                }
            }
        }
        List<Simulation.Run> simulated = new ArrayList<>();
        for (PolicyKind policy : PolicyKind.values()) {
            simulated.add(Simulation.run(scenario, policy, seed));
        }
        return new Result(
                new Simulation.Run(
                        scenario,
                        PolicyKind.BALLAST,
                        world.points(),
                        List.copyOf(steps),
                        world.score()),
                simulated);
    }

    static String yaml(Scenario scenario, int port) {
        return String.join(
                "\n",
                "interval: 30s",
                "server: {port: -1}",
                "decisions: {file: \"\"}",
                "source:",
                "  type: daemon",
                "  daemon: {urlTemplate: \"https://localhost:"
                        + port
                        + "/{namespace}/{name}\", timeout: 2s, connectTimeout: 1s}",
                "resilience:",
                "  retry: {maxAttempts: 2, initialBackoff: 10ms}",
                "  circuitBreaker: {openFor: 300ms}",
                "discovery:",
                "  type: static",
                "  static:",
                "    - namespace: " + NAMESPACE,
                "      name: " + NAME,
                "      replicas: " + scenario.replicas(),
                "      scale: {min: "
                        + scenario.scale().min()
                        + ", max: "
                        + scenario.scale().max()
                        + "}",
                "actuator: {type: memory}",
                "");
    }

    private static String line(LiveWorld world, Evaluation e) {
        Decision d = e.decision();
        int second = world.second();
        String rate =
                d.readings()
                        .map(
                                r ->
                                        r.rate().isKnown()
                                                ? String.format(
                                                        Locale.ROOT, "%.0f/s", r.rate().value())
                                                : "unknown")
                        .orElse("-");
        String pending =
                d.readings()
                        .map(
                                r ->
                                        r.pending().isKnown()
                                                ? String.format(
                                                        Locale.ROOT, "%.0f", r.pending().value())
                                                : "unknown")
                        .orElse("-");
        return String.format(
                Locale.ROOT,
                "%02d:%02d  %6.0f/s  %7s  %8s  %3s -> %-3s %s",
                second / 60,
                second % 60,
                world.arrivals(),
                pending,
                rate,
                d.currentReplicas().isPresent()
                        ? Integer.toString(d.currentReplicas().getAsInt())
                        : "?",
                d.desiredReplicas().isPresent()
                        ? Integer.toString(d.desiredReplicas().getAsInt())
                        : "?",
                d.reason());
    }

    /** The scorecard lines: the live run first, then each policy in pure simulation. */
    public static String scorecardOf(Result result) {
        StringBuilder out = new StringBuilder();
        String table = Scorecard.markdown(List.of(result.live()));
        out.append(table.replace("| Ballast |", "| Ballast (live, real app path) |"));
        String simulated = Scorecard.markdown(result.simulated());
        simulated
                .lines()
                .skip(2)
                .forEach(
                        l ->
                                out.append(l.replace("| Ballast |", "| Ballast (simulated) |"))
                                        .append('\n'));
        return out.toString();
    }
}
