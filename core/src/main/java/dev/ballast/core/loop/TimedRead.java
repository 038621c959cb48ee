package dev.ballast.core.loop;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.spi.MetricSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Reads a target's signals with a deadline kept by the loop's {@link Scheduler}, so that a source
 * that never answers cannot hold a target forever, and the deadline runs in virtual time in tests.
 */
final class TimedRead {

    private TimedRead() {}

    /**
     * The source's answer, or a {@link TimeoutException} after {@code timeout}. A source that
     * throws or returns {@code null} fails the stage instead of the caller.
     */
    static CompletionStage<Readings> read(
            MetricSource source, Target target, Scheduler scheduler, Duration timeout) {
        CompletableFuture<Readings> result = new CompletableFuture<>();
        CompletionStage<Readings> stage;
        try {
            stage = source.read(target);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            stage = CompletableFuture.completedFuture(null);
        }
        CompletionStage<Readings> call = stage;
        Scheduler.Cancellable timer =
                scheduler.schedule(
                        () -> {
                            TimeoutException timedOut =
                                    new TimeoutException(
                                            "no answer from the metric source within " + timeout);
                            if (result.completeExceptionally(timedOut)) {
                                cancel(call);
                            }
                        },
                        timeout);
        stage.whenComplete(
                (readings, error) -> {
                    timer.cancel();
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(readings);
                    }
                });
        return result;
    }

    /** Asks the source to give up the call, so that a hung source does not pile up requests. */
    private static void cancel(CompletionStage<Readings> call) {
        try {
            call.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException e) {
            // The source's stage cannot be cancelled; its own timeout ends the call.
        }
    }
}
