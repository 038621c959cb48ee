package dev.ballast.core.spi;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns a failed metric source call into unknown readings: a failure is never a zero. */
public final class SourceFailures {

    private static final int MAX_DETAIL = 200;

    private SourceFailures() {}

    /**
     * Unknown readings for a failed call: the cause comes from a {@link MetricSourceException}'s
     * failure, {@link UnknownCause#TIMEOUT} for a {@link TimeoutException}, and {@link
     * UnknownCause#SOURCE_ERROR} for anything else. Wrappers such as {@link CompletionException}
     * are looked through.
     */
    public static Readings toUnknownReadings(Throwable error) {
        Throwable cause = unwrap(error);
        return Readings.unknown(causeOf(cause), describe(cause));
    }

    /**
     * {@code error} without {@link CompletionException} and {@link ExecutionException} wrappers.
     */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static UnknownCause causeOf(Throwable error) {
        if (error instanceof MetricSourceException) {
            return ((MetricSourceException) error).failure().unknownCause();
        }
        if (error instanceof TimeoutException) {
            return UnknownCause.TIMEOUT;
        }
        return UnknownCause.SOURCE_ERROR;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        String text =
                message == null || message.isBlank()
                        ? error.getClass().getSimpleName()
                        : (error instanceof MetricSourceException
                                        || error instanceof TimeoutException
                                ? message
                                : error.getClass().getSimpleName() + ": " + message);
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }
}
