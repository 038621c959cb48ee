package dev.ballast.core.policy;

import dev.ballast.core.model.CronWindow;
import dev.ballast.core.model.Phase;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.OptionalInt;

/**
 * A line-by-line port of Numaflow v1.8.3's {@code Scaler.scaleOneMonoVertex} and {@code
 * desiredReplicas} (pkg/reconciler/monovertex/scaling/scaling.go), kept in the shape of the Go code
 * and apart from {@link NumaflowRules}, so that the parity property compares two independent
 * implementations. Inputs are those of an object Ballast manages: Numaflow's reconciler does not
 * clamp {@code spec.replicas} on it, so {@code CalculateReplicas()} is {@code spec.replicas}.
 *
 * @return the replica count Numaflow would patch, or empty where it skips
 */
final class NumaflowReference {

    private NumaflowReference() {}

    static OptionalInt patch(Target mv, TargetStatus status, Readings metrics, Instant now) {
        ScaleSpec scale = mv.scale();
        if (scale.disabled()) {
            return OptionalInt.empty();
        }
        if (status.rollingUpdate()) {
            return OptionalInt.empty();
        }
        double secondsSinceLastScale =
                status.lastScaledAt().isEmpty()
                        ? Double.MAX_VALUE
                        : Duration.between(status.lastScaledAt().get(), now).toNanos() / 1e9;
        double scaleDownCooldown = scale.scaleDownCooldownSeconds();
        double scaleUpCooldown = scale.scaleUpCooldownSeconds();
        if (secondsSinceLastScale < scaleDownCooldown && secondsSinceLastScale < scaleUpCooldown) {
            return OptionalInt.empty();
        }
        if (status.phase() != Phase.RUNNING) {
            return OptionalInt.empty();
        }
        if (status.desiredPhase() != Phase.RUNNING) {
            return OptionalInt.empty();
        }
        if (status.replicas() != status.specReplicas()) {
            return OptionalInt.empty();
        }
        int[] bounds = effectiveScaleBoundsAt(scale, now);
        int minReplicas = bounds[0];
        int maxReplicas = bounds[1];
        boolean cronActive = bounds[2] == 1;
        int current = status.replicas();
        if (cronActive) {
            if (current < minReplicas) {
                return scaleUp(scale, current, minReplicas, secondsSinceLastScale, scaleUpCooldown);
            }
            if (current > maxReplicas) {
                return scaleDown(
                        scale, current, maxReplicas, secondsSinceLastScale, scaleDownCooldown);
            }
        }
        if (maxReplicas == minReplicas) {
            return OptionalInt.empty();
        }
        if (status.replicas() == 0) {
            if (secondsSinceLastScale >= scale.zeroReplicaSleepSeconds()) {
                return OptionalInt.of(1);
            }
            return OptionalInt.empty();
        }
        if (status.readyReplicas() == 0) {
            return OptionalInt.empty();
        }
        if (!metrics.rate().isKnown() || !metrics.pending().isKnown()) {
            return OptionalInt.empty();
        }
        double totalRate = metrics.rate().value();
        long totalPending = (long) Math.ceil(metrics.pending().value());
        int desired = desiredReplicas(status, scale, totalRate, totalPending);
        if (mv.limits().rateLimitMax().isPresent()) {
            double maxRate =
                    (double) mv.limits().rateLimitMax().getAsLong() * mv.limits().readBatchSize();
            double currentRate = Math.ceil(totalRate);
            if (currentRate >= maxRate && desired > current) {
                return OptionalInt.empty();
            }
        }
        if (desired > maxReplicas) {
            desired = maxReplicas;
        }
        if (desired < minReplicas) {
            desired = minReplicas;
        }
        if (current > maxReplicas || current < minReplicas) {
            return OptionalInt.of(desired);
        }
        if (desired < current) {
            return scaleDown(scale, current, desired, secondsSinceLastScale, scaleDownCooldown);
        }
        if (desired > current) {
            return scaleUp(scale, current, desired, secondsSinceLastScale, scaleUpCooldown);
        }
        return OptionalInt.empty();
    }

    /** EffectiveScaleBoundsAt (pkg/reconciler/scaling/utils.go): {min, max, active ? 1 : 0}. */
    private static int[] effectiveScaleBoundsAt(ScaleSpec scale, Instant at) {
        int baseMin = scale.min();
        int baseMax = scale.max();
        if (scale.cron().isEmpty() || scale.cron().get().schedules().isEmpty()) {
            return new int[] {baseMin, baseMax, 0};
        }
        ZonedDateTime t = at.atZone(scale.cron().get().timezone());
        for (CronWindow window : scale.cron().get().schedules()) {
            if (isActiveAt(window, t)) {
                int minReplicas = baseMin;
                int maxReplicas = baseMax;
                if (window.min().isPresent()) {
                    minReplicas = clampInt32(window.min().getAsInt(), baseMin, baseMax);
                }
                if (window.max().isPresent()) {
                    maxReplicas = clampInt32(window.max().getAsInt(), baseMin, baseMax);
                }
                return new int[] {minReplicas, maxReplicas, 1};
            }
        }
        return new int[] {baseMin, baseMax, 0};
    }

    /** IsActiveAt: End.Next(t).Before(Start.Next(t)), where "never" is Go's zero time. */
    private static boolean isActiveAt(CronWindow window, ZonedDateTime t) {
        Instant zero = Instant.parse("0001-01-01T00:00:00Z");
        Instant end = window.end().next(t).map(ZonedDateTime::toInstant).orElse(zero);
        Instant start = window.start().next(t).map(ZonedDateTime::toInstant).orElse(zero);
        return end.isBefore(start);
    }

    private static int clampInt32(int v, int lo, int hi) {
        if (v < lo) {
            return lo;
        }
        if (v > hi) {
            return hi;
        }
        return v;
    }

    private static OptionalInt scaleUp(
            ScaleSpec scale, int current, int desired, double since, double cooldown) {
        int diff = desired - current;
        if (diff > scale.replicasPerScaleUp()) {
            diff = scale.replicasPerScaleUp();
        }
        if (since < cooldown) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(current + diff);
    }

    private static OptionalInt scaleDown(
            ScaleSpec scale, int current, int desired, double since, double cooldown) {
        int diff = current - desired;
        if (diff > scale.replicasPerScaleDown()) {
            diff = scale.replicasPerScaleDown();
        }
        if (since < cooldown) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(current - diff);
    }

    private static int desiredReplicas(
            TargetStatus status, ScaleSpec scale, double processingRate, long pending) {
        if (pending == 0 && processingRate == 0) {
            return 0;
        }
        if (processingRate == 0) {
            return status.replicas();
        }
        double desiredRaw =
                goRound(
                        ((double) pending / processingRate)
                                / scale.targetProcessingSeconds()
                                * status.readyReplicas());
        if (desiredRaw > Integer.MAX_VALUE) {
            desiredRaw = Integer.MAX_VALUE;
        }
        int desired = (int) desiredRaw;
        if (desired == 0) {
            desired = 1;
        }
        if (pending > 0) {
            int pendingCap = pending <= Integer.MAX_VALUE ? (int) pending : Integer.MAX_VALUE;
            if (desired > pendingCap) {
                desired = pendingCap;
            }
        }
        return desired;
    }

    /** Go's math.Round: half away from zero, on doubles. */
    private static double goRound(double x) {
        if (Double.isInfinite(x) || Double.isNaN(x)) {
            return x;
        }
        double t = Math.floor(Math.abs(x));
        if (Math.abs(x) - t >= 0.5) {
            t += 1;
        }
        return Math.copySign(t, x);
    }
}
