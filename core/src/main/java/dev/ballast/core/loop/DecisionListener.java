package dev.ballast.core.loop;

import dev.ballast.core.model.TargetRef;
import java.time.Duration;

/**
 * Receives every evaluation the control loop makes, for example to write the decision log, update
 * metrics or record Kubernetes events. Called from the loop's worker threads, possibly concurrently
 * for different targets; must be quick and must not throw (a listener that throws is logged and
 * does not affect others).
 */
public interface DecisionListener {

    /** One target was evaluated. */
    void onEvaluation(Evaluation evaluation);

    /**
     * A target's evaluation was skipped because its previous one was still running. The default
     * does nothing.
     */
    default void onOverlapSkipped(TargetRef target) {}

    /**
     * Every evaluation of one interval has finished (or was skipped). The default does nothing.
     *
     * @param targets how many targets the interval covered
     * @param skipped how many of them were skipped because their previous evaluation was running
     * @param duration from the interval's start to its last evaluation's end
     */
    default void onIntervalCompleted(int targets, int skipped, Duration duration) {}
}
