package dev.ballast.core.policy;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.TargetStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writes a decision's one-line explanation, on demand, from the numbers it was made from. */
final class Explanations {

    private Explanations() {}

    static String explain(Decision d) {
        if (d.status().isEmpty()) {
            return d.detail().orElse(d.reason().description());
        }
        TargetStatus status = d.status().get();
        ScaleSpec spec = d.target().scale();
        int current = status.replicas();
        StringBuilder out = new StringBuilder(96);
        switch (d.reason()) {
            case SCALE_UP:
            case SCALE_DOWN:
            case SCALE_TO_ZERO:
            case OUT_OF_BOUNDS:
                signals(out, d).append(", ").append(status.readyReplicas()).append(" ready");
                recommendation(out, d, spec);
                out.append("; bounds ").append(d.bounds().orElseThrow());
                if (d.reason() == Reason.OUT_OF_BOUNDS) {
                    out.append("; current is outside them, set straight");
                } else {
                    stepLimit(out, d, spec);
                }
                return move(out, current, d.desired());
            case CRON_WINDOW:
                out.append("cron window bounds ").append(d.bounds().orElseThrow());
                stepLimit(out, d, spec);
                return move(out, current, d.desired());
            case PEEK_FROM_ZERO:
                out.append("at 0 replicas for ");
                seconds(out, status, d);
                out.append(" (zeroReplicaSleepSeconds ")
                        .append(spec.zeroReplicaSleepSeconds())
                        .append(")");
                return move(out, current, d.desired());
            case FALLBACK:
                out.append(d.detail().orElse("signals unknown too long"));
                stepLimit(out, d, spec);
                return move(out, current, d.desired());
            case DISABLED:
                return "autoscaling disabled for this target; replicas " + current;
            case ROLLING_UPDATE:
                return "rolling update in progress (updateHash != currentHash); replicas "
                        + current;
            case COOLDOWN:
                out.append("last scaled ");
                seconds(out, status, d);
                out.append(" ago; scaleUpCooldownSeconds ")
                        .append(spec.scaleUpCooldownSeconds())
                        .append(", scaleDownCooldownSeconds ")
                        .append(spec.scaleDownCooldownSeconds());
                d.recommended().ifPresent(r -> out.append("; needs ").append(r));
                return out.append("; replicas ").append(current).toString();
            case NOT_RUNNING:
                return "phase "
                        + status.phase()
                        + ", desired phase "
                        + status.desiredPhase()
                        + "; replicas "
                        + current;
            case REPLICAS_IN_FLIGHT:
                return "status.replicas "
                        + current
                        + " != spec.replicas "
                        + status.specReplicas()
                        + "; waiting for the last change";
            case FIXED_BOUNDS:
                return "min = max = " + d.bounds().orElseThrow().min() + "; replicas " + current;
            case ZERO_REPLICA_SLEEP:
                out.append("at 0 replicas for ");
                seconds(out, status, d);
                return out.append(" of zeroReplicaSleepSeconds ")
                        .append(spec.zeroReplicaSleepSeconds())
                        .toString();
            case NO_READY_REPLICAS:
                return "0 of " + current + " replicas ready";
            case SOURCE_UNAVAILABLE:
            case RATE_UNKNOWN:
            case PENDING_UNKNOWN:
                overridden(out, d);
                return signals(out, d).append("; holding at ").append(current).toString();
            case RATE_LIMITED:
                signals(out, d);
                out.append(" at the rate limit ")
                        .append(d.target().limits().rateLimitMax().orElse(0))
                        .append(" x readBatchSize ")
                        .append(d.target().limits().readBatchSize());
                recommendation(out, d, spec);
                return out.append("; not scaling up from ").append(current).toString();
            case STEADY:
            case AT_BOUNDS:
                signals(out, d);
                recommendation(out, d, spec);
                out.append("; bounds ").append(d.bounds().orElseThrow());
                return out.append("; staying at ").append(current).toString();
            case WARMING_UP:
            case STARTUP_GRACE:
                overridden(out, d);
                return out.append(d.detail().orElse(d.reason().description())).toString();
            default:
                return d.detail().orElse(d.reason().description());
        }
    }

    private static void overridden(StringBuilder out, Decision d) {
        d.overridden()
                .ifPresent(
                        held ->
                                out.append("would ")
                                        .append(held.reason())
                                        .append(' ')
                                        .append(held.currentReplicas().orElseThrow())
                                        .append(" -> ")
                                        .append(held.desired())
                                        .append(", but "));
    }

    private static StringBuilder signals(StringBuilder out, Decision d) {
        if (d.readings().isEmpty()) {
            return out.append("no readings");
        }
        out.append("rate ");
        reading(out, d.readings().get().rate(), "/s");
        out.append(", pending ");
        reading(out, d.readings().get().pending(), "");
        return out;
    }

    private static void reading(StringBuilder out, Reading reading, String unit) {
        if (reading.isKnown()) {
            out.append(number(reading.value())).append(unit);
        } else {
            out.append(reading);
        }
    }

    private static void recommendation(StringBuilder out, Decision d, ScaleSpec spec) {
        d.recommended()
                .ifPresent(
                        r ->
                                out.append(" -> needs ")
                                        .append(r)
                                        .append(" (targetProcessingSeconds ")
                                        .append(spec.targetProcessingSeconds())
                                        .append(")"));
    }

    private static void stepLimit(StringBuilder out, Decision d, ScaleSpec spec) {
        int limit =
                d.action() == Action.DOWN ? spec.replicasPerScaleDown() : spec.replicasPerScaleUp();
        out.append("; step limit ").append(limit);
    }

    private static void seconds(StringBuilder out, TargetStatus status, Decision d) {
        double seconds = status.secondsSinceLastScale(d.time());
        if (Double.isInfinite(seconds)) {
            out.append("ever (lastScaledAt never reported)");
        } else {
            out.append(number(seconds)).append('s');
        }
    }

    private static String move(StringBuilder out, int from, int to) {
        return out.append(": ").append(from).append(" -> ").append(to).toString();
    }

    /** A number with at most three decimals and no trailing zeros. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
