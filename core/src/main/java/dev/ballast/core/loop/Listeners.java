package dev.ballast.core.loop;

import dev.ballast.core.model.TargetRef;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Calls every listener, so that one that throws cannot stop the others or the loop. */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final List<DecisionListener> listeners;

    Listeners(List<DecisionListener> listeners) {
        this.listeners = listeners;
    }

    void evaluation(Evaluation evaluation) {
        each(
                l -> l.onEvaluation(evaluation),
                () -> "on the evaluation of " + evaluation.decision().target().ref());
    }

    void overlapSkipped(TargetRef target) {
        each(l -> l.onOverlapSkipped(target), () -> "on the skipped evaluation of " + target);
    }

    void intervalCompleted(int targets, int skipped, Duration duration) {
        each(l -> l.onIntervalCompleted(targets, skipped, duration), () -> "at an interval's end");
    }

    /** Calls each listener; {@code when} says, in a failure's log line, which call failed. */
    private void each(Consumer<DecisionListener> call, Supplier<String> when) {
        for (DecisionListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "decision listener " + listener + " failed " + when.get(),
                        e);
            }
        }
    }
}
