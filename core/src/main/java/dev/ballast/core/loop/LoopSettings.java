package dev.ballast.core.loop;

import java.time.Duration;
import java.util.Objects;

/**
 * How the control loop runs.
 *
 * @param interval how often each target is evaluated (Numaflow: about 30 s)
 * @param evaluationTimeout how long one evaluation may wait for the metric source before its
 *     readings count as unknown (timeout); at most {@code interval}
 * @param dryRun decide and report everything, change nothing
 * @param shutdownTimeout how long {@link ControlLoop#close()} waits for evaluations under way
 */
public record LoopSettings(
        Duration interval, Duration evaluationTimeout, boolean dryRun, Duration shutdownTimeout) {

    /** Numaflow's interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    public LoopSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(evaluationTimeout, "evaluationTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval=" + interval + " must be positive");
        }
        if (evaluationTimeout.isNegative()
                || evaluationTimeout.isZero()
                || evaluationTimeout.compareTo(interval) > 0) {
            throw new IllegalArgumentException(
                    "evaluationTimeout="
                            + evaluationTimeout
                            + " must be positive and at most the interval "
                            + interval);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "shutdownTimeout=" + shutdownTimeout + " must not be negative");
        }
    }

    /** Evaluations every {@code interval}, each allowed the whole interval, acting for real. */
    public static LoopSettings every(Duration interval) {
        return new LoopSettings(interval, interval, false, Duration.ofSeconds(5));
    }

    /** The same settings in dry-run (advisor) mode or not. */
    public LoopSettings withDryRun(boolean dryRun) {
        return new LoopSettings(interval, evaluationTimeout, dryRun, shutdownTimeout);
    }
}
