package dev.ballast.core.testing;

import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.Evaluation;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.policy.Reason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A {@link DecisionListener} that keeps everything it is told, for assertions. */
public final class RecordingListener implements DecisionListener {

    /** One completed interval. */
    public record Interval(int targets, int skipped, Duration duration) {}

    private final List<Evaluation> evaluations = new CopyOnWriteArrayList<>();
    private final List<TargetRef> overlaps = new CopyOnWriteArrayList<>();
    private final List<Interval> intervals = new CopyOnWriteArrayList<>();

    @Override
    public void onEvaluation(Evaluation evaluation) {
        evaluations.add(evaluation);
    }

    @Override
    public void onOverlapSkipped(TargetRef target) {
        overlaps.add(target);
    }

    @Override
    public void onIntervalCompleted(int targets, int skipped, Duration duration) {
        intervals.add(new Interval(targets, skipped, duration));
    }

    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    public List<Evaluation> evaluationsOf(TargetRef ref) {
        return evaluations.stream()
                .filter(e -> e.decision().target().ref().equals(ref))
                .collect(Collectors.toList());
    }

    public List<Reason> reasonsOf(TargetRef ref) {
        return evaluationsOf(ref).stream()
                .map(e -> e.decision().reason())
                .collect(Collectors.toList());
    }

    public List<TargetRef> overlaps() {
        return List.copyOf(overlaps);
    }

    public List<Interval> intervals() {
        return List.copyOf(intervals);
    }
}
