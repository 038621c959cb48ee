package dev.ballast.core.policy;

import dev.ballast.core.model.Phase;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.TargetStatus;
import java.util.OptionalLong;

/**
 * Numaflow's MonoVertex scaling decision, in Numaflow's order (see {@code docs/reasons.md}): the
 * guards, the cron window, the peek from zero, the formula, the rate-limit guard, clamping, the
 * out-of-bounds correction and the step limits with their cooldowns.
 *
 * <p>One deliberate reading of Numaflow: the "change in flight" guard compares {@code
 * status.replicas} with {@code spec.replicas} as written, because Numaflow's reconciler does not
 * clamp {@code spec.replicas} on objects whose built-in autoscaling is disabled, which every object
 * Ballast manages is.
 */
final class NumaflowRules {

    Decision decide(Decision.Inputs in) {
        ScaleSpec spec = in.target.scale();
        TargetStatus status = in.status;
        int current = status.replicas();
        if (spec.disabled()) {
            return Decision.hold(Reason.DISABLED, in);
        }
        if (status.rollingUpdate()) {
            return Decision.hold(Reason.ROLLING_UPDATE, in);
        }
        double since = in.secondsSinceLastScale;
        if (since < spec.scaleDownCooldownSeconds() && since < spec.scaleUpCooldownSeconds()) {
            return Decision.hold(Reason.COOLDOWN, in);
        }
        if (status.phase() != Phase.RUNNING || status.desiredPhase() != Phase.RUNNING) {
            return Decision.hold(Reason.NOT_RUNNING, in);
        }
        if (current != status.specReplicas()) {
            return Decision.hold(Reason.REPLICAS_IN_FLIGHT, in);
        }
        in.bounds = spec.boundsAt(in.now);
        if (in.bounds.cronActive()) {
            if (current < in.bounds.min()) {
                return stepUp(Reason.CRON_WINDOW, in, in.bounds.min());
            }
            if (current > in.bounds.max()) {
                return stepDown(Reason.CRON_WINDOW, in, in.bounds.max());
            }
        }
        if (in.bounds.min() == in.bounds.max()) {
            return Decision.hold(Reason.FIXED_BOUNDS, in);
        }
        if (current == 0) {
            return since >= spec.zeroReplicaSleepSeconds()
                    ? Decision.change(Reason.PEEK_FROM_ZERO, in, 1)
                    : Decision.hold(Reason.ZERO_REPLICA_SLEEP, in);
        }
        if (status.readyReplicas() == 0) {
            return Decision.hold(Reason.NO_READY_REPLICAS, in);
        }
        Readings readings = in.readings;
        if (!readings.allKnown()) {
            return Decision.hold(unknownReason(readings), in);
        }
        double rate = readings.rate().value();
        long pending = DesiredReplicas.pendingCount(readings.pending().value());
        int recommended =
                DesiredReplicas.compute(
                        rate,
                        pending,
                        spec.targetProcessingSeconds(),
                        status.readyReplicas(),
                        current);
        in.recommended = recommended;
        in.hasRecommendation = true;
        OptionalLong maxRate = in.target.limits().maxMessagesPerSecond();
        if (maxRate.isPresent()
                && Math.ceil(rate) >= maxRate.getAsLong()
                && recommended > current) {
            return Decision.hold(Reason.RATE_LIMITED, in);
        }
        int desired = in.bounds.clamp(recommended);
        if (!in.bounds.contains(current)) {
            return Decision.change(Reason.OUT_OF_BOUNDS, in, desired);
        }
        if (desired < current) {
            return stepDown(Reason.SCALE_DOWN, in, desired);
        }
        if (desired > current) {
            return stepUp(Reason.SCALE_UP, in, desired);
        }
        return Decision.hold(desired == recommended ? Reason.STEADY : Reason.AT_BOUNDS, in);
    }

    /**
     * Steps up toward {@code target}, by at most {@code replicasPerScaleUp}, after the up cooldown.
     */
    static Decision stepUp(Reason reason, Decision.Inputs in, int target) {
        return stepUp(reason, in, target, null);
    }

    static Decision stepUp(Reason reason, Decision.Inputs in, int target, String detail) {
        ScaleSpec spec = in.target.scale();
        if (in.secondsSinceLastScale < spec.scaleUpCooldownSeconds()) {
            return Decision.hold(Reason.COOLDOWN, in);
        }
        int current = in.status.replicas();
        int step = Math.min(target - current, spec.replicasPerScaleUp());
        return Decision.change(reason, in, current + step, detail);
    }

    /**
     * Steps down toward {@code target}, by at most {@code replicasPerScaleDown}, after the down
     * cooldown.
     */
    static Decision stepDown(Reason reason, Decision.Inputs in, int target) {
        ScaleSpec spec = in.target.scale();
        if (in.secondsSinceLastScale < spec.scaleDownCooldownSeconds()) {
            return Decision.hold(Reason.COOLDOWN, in);
        }
        int current = in.status.replicas();
        int step = Math.min(current - target, spec.replicasPerScaleDown());
        int next = current - step;
        return Decision.change(
                next == 0 && reason == Reason.SCALE_DOWN ? Reason.SCALE_TO_ZERO : reason, in, next);
    }

    /** The hold reason for readings that are not all known. */
    static Reason unknownReason(Readings readings) {
        Reading rate = readings.rate();
        Reading pending = readings.pending();
        if (isSourceFailure(rate) || isSourceFailure(pending)) {
            return Reason.SOURCE_UNAVAILABLE;
        }
        return rate.isKnown() ? Reason.PENDING_UNKNOWN : Reason.RATE_UNKNOWN;
    }

    private static boolean isSourceFailure(Reading reading) {
        return reading instanceof Reading.Unknown
                && ((Reading.Unknown) reading).cause().isSourceFailure();
    }
}
