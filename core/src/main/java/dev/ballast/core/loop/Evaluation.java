package dev.ballast.core.loop;

import dev.ballast.core.policy.Decision;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of one target, as reported to {@link DecisionListener}s: the decision and what
 * became of it.
 *
 * @param decision the policy's decision
 * @param outcome what became of it
 * @param dryRun whether the loop runs in dry-run (advisor) mode
 * @param lag how late the evaluation started compared with its slot in the interval
 * @param duration how long the evaluation took, from start to outcome
 * @param failure why the outcome is {@link Outcome#FAILED} or {@link Outcome#TARGET_GONE}, if so
 */
public record Evaluation(
        Decision decision,
        Outcome outcome,
        boolean dryRun,
        Duration lag,
        Duration duration,
        Optional<String> failure) {

    public Evaluation {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(lag, "lag");
        Objects.requireNonNull(duration, "duration");
        failure = failure == null ? Optional.empty() : failure;
    }
}
