package dev.ballast.sim;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.policy.Decision;
import dev.ballast.core.policy.ScalingPolicy;
import dev.ballast.core.policy.TargetHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs one scenario under one policy in simulated time, deterministically for a given seed: the
 * workload (with seeded jitter) feeds the MonoVertex every second, the rater scrapes it, and the
 * policy decides every {@link #INTERVAL}; every second is recorded for the score and the chart.
 */
public final class Simulation {

    /** Numaflow's evaluation interval. */
    public static final Duration INTERVAL = Duration.ofSeconds(30);

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    static final TargetRef TARGET = TargetRef.monoVertex("sim", "mv");

    private Simulation() {}

    /** One simulated second. */
    public record Point(
            double second,
            double arrivals,
            double backlog,
            Double rate,
            int replicas,
            boolean faulted) {}

    /** One decision, with the readings it saw. */
    public record Step(double second, Decision decision, Readings seen) {}

    /** Everything a run produced. */
    public record Run(
            Scenario scenario,
            PolicyKind policy,
            List<Point> points,
            List<Step> steps,
            Score score) {}

    /** Runs {@code scenario} under {@code kind} with jitter from {@code seed}. */
    public static Run run(Scenario scenario, PolicyKind kind, long seed) {
        Random random = new Random(seed);
        SimulatedMonoVertex vertex =
                new SimulatedMonoVertex(
                        scenario.replicas(), scenario.capacity(), scenario.startupSeconds());
        RaterModel rater = new RaterModel(scenario.faults(), scenario.scale().lookbackSeconds());
        ScalingPolicy policy = kind.policy(INTERVAL, EPOCH);
        Target target = Target.of(TARGET, scenario.scale());
        TargetHistory history = TargetHistory.INITIAL;
        List<Point> points = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Score.Builder score = new Score.Builder(scenario);
        double interval = INTERVAL.toSeconds();
        for (int second = 0; second < scenario.seconds(); second++) {
            double arrivals =
                    scenario.workload().rate(second) * (1 + 0.05 * (random.nextDouble() * 2 - 1));
            vertex.step(second, 1, arrivals);
            rater.tick(second, vertex);
            if (second % interval == 0) {
                Instant now = EPOCH.plusSeconds(second);
                Readings readings = kind.view(rater.read(second, now));
                history = history.observe(readings, now);
                Decision decision =
                        policy.decide(target, status(vertex, second), readings, history, now);
                steps.add(new Step(second, decision, readings));
                if (decision.isChange()) {
                    score.change(vertex.replicas(), decision.desired(), arrivals);
                    vertex.scale(decision.desired(), second);
                }
            }
            double at = second;
            boolean faulted = scenario.faults().stream().anyMatch(f -> f.activeAt(at));
            java.util.OptionalDouble rate = rater.rawRate();
            points.add(
                    new Point(
                            second,
                            arrivals,
                            vertex.backlog(),
                            rate.isPresent() ? Double.valueOf(rate.getAsDouble()) : null,
                            vertex.replicas(),
                            faulted));
            score.second(arrivals, vertex.backlog(), vertex.replicas());
        }
        return new Run(scenario, kind, points, steps, score.build());
    }

    static TargetStatus status(SimulatedMonoVertex vertex, double second) {
        return TargetStatus.builder()
                .specReplicas(vertex.replicas())
                .replicas(vertex.replicas())
                .readyReplicas(vertex.ready(second))
                .lastScaledAt(
                        Double.isInfinite(vertex.lastScaledAt())
                                ? null
                                : EPOCH.plusMillis((long) (vertex.lastScaledAt() * 1000)))
                .build();
    }
}
