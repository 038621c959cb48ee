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
        Scheduler.Cancellable timer =
                scheduler.schedule(
                        () ->
                                result.completeExceptionally(
                                        new TimeoutException(
                                                "no answer from the metric source within "
                                                        + timeout)),
                        timeout);
        CompletionStage<Readings> stage;
        try {
            stage = source.read(target);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            stage = CompletableFuture.completedFuture(null);
        }
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
}
