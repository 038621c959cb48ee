package dev.ballast.app.observe;

import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.Evaluation;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.policy.Decision;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import java.time.Duration;

/** Ballast's own metrics ({@code ballast_*}), fed by the control loop and the metric source. */
public final class BallastMetrics implements DecisionListener {

    private final Counter decisions;
    private final Counter outcomes;
    private final Gauge current;
    private final Gauge desired;
    private final Counter unknown;
    private final Histogram sourceLatency;
    private final Histogram lag;
    private final Histogram evaluation;
    private final Histogram intervalDuration;
    private final Gauge targets;
    private final Counter skipped;

    public BallastMetrics(CollectorRegistry registry) {
        decisions =
                Counter.build("ballast_decisions_total", "Decisions made, by action and reason.")
                        .labelNames("action", "reason")
                        .register(registry);
        outcomes =
                Counter.build("ballast_outcomes_total", "What became of decisions, by outcome.")
                        .labelNames("outcome")
                        .register(registry);
        current =
                Gauge.build("ballast_replicas_current", "Replicas when last evaluated, per target.")
                        .labelNames("namespace", "name")
                        .register(registry);
        desired =
                Gauge.build("ballast_replicas_desired", "Replicas decided at the last evaluation.")
                        .labelNames("namespace", "name")
                        .register(registry);
        unknown =
                Counter.build(
                                "ballast_unknown_readings_total",
                                "Readings that were unknown, by signal and cause.")
                        .labelNames("signal", "cause")
                        .register(registry);
        sourceLatency =
                Histogram.build(
                                "ballast_source_request_seconds",
                                "Duration of metric source calls (each attempt).")
                        .buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                        .register(registry);
        lag =
                Histogram.build(
                                "ballast_loop_lag_seconds",
                                "How late evaluations started after their slot.")
                        .buckets(0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30)
                        .register(registry);
        evaluation =
                Histogram.build(
                                "ballast_evaluation_seconds",
                                "Duration of one target's evaluation.")
                        .buckets(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10)
                        .register(registry);
        intervalDuration =
                Histogram.build(
                                "ballast_loop_duration_seconds",
                                "From an interval's start to its last evaluation's end.")
                        .buckets(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120)
                        .register(registry);
        targets =
                Gauge.build("ballast_targets", "Targets in the latest interval.")
                        .register(registry);
        skipped =
                Counter.build(
                                "ballast_evaluations_skipped_total",
                                "Evaluations skipped because the previous one of the target was"
                                        + " still running.")
                        .register(registry);
    }

    @Override
    public void onEvaluation(Evaluation e) {
        Decision d = e.decision();
        decisions.labels(d.action().wireName(), d.reason().name()).inc();
        outcomes.labels(e.outcome().name()).inc();
        TargetRef ref = d.target().ref();
        d.currentReplicas().ifPresent(v -> current.labels(ref.namespace(), ref.name()).set(v));
        d.desiredReplicas().ifPresent(v -> desired.labels(ref.namespace(), ref.name()).set(v));
        d.readings()
                .ifPresent(
                        r -> {
                            count(r.rate(), "rate");
                            count(r.pending(), "pending");
                        });
        lag.observe(seconds(e.lag()));
        evaluation.observe(seconds(e.duration()));
    }

    private void count(Reading reading, String signal) {
        if (reading instanceof Reading.Unknown) {
            unknown.labels(signal, ((Reading.Unknown) reading).cause().name()).inc();
        }
    }

    @Override
    public void onOverlapSkipped(TargetRef target) {
        skipped.inc();
    }

    @Override
    public void onIntervalCompleted(int count, int skippedCount, Duration duration) {
        targets.set(count);
        intervalDuration.observe(seconds(duration));
    }

    /** Records one metric source call's duration. */
    public void sourceCall(long nanos) {
        sourceLatency.observe(nanos / 1e9);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
