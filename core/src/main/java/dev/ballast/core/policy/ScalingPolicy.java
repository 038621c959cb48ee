package dev.ballast.core.policy;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetStatus;
import java.time.Instant;

/**
 * Turns what is known about a target into a {@link Decision}. A pure function of its arguments and
 * its own settings: no I/O, no threads, no clock of its own; safe to call concurrently.
 */
public interface ScalingPolicy {

    /**
     * Decides what to do with one target now.
     *
     * @param target the target and its scale spec
     * @param status its current status
     * @param readings the signals read for this evaluation (either may be unknown)
     * @param history the target's history including this evaluation's readings, that is {@code
     *     previous.observe(readings, now)}
     * @param now the time of the evaluation
     */
    Decision decide(
            Target target,
            TargetStatus status,
            Readings readings,
            TargetHistory history,
            Instant now);
}
