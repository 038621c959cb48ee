package dev.ballast.core.policy;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import java.time.Instant;
import java.util.Optional;

/**
 * What the safety rules remember about one target between evaluations: how many evaluations in a
 * row had unknown or known signals, and when the source last said it could not tell pending.
 * Immutable; the control loop keeps one per target and replaces it with {@link #observe(Readings,
 * Instant)} at each evaluation.
 *
 * @param consecutiveUnknown evaluations in a row, up to and including the latest, with a signal
 *     unknown
 * @param consecutiveKnown evaluations in a row, up to and including the latest, with both signals
 *     known
 * @param sawUnknown whether any evaluation so far had a signal unknown
 * @param pendingNotAvailableAt the latest evaluation at which pending, or its {@value
 *     #SHORT_WINDOW} window, was {@link UnknownCause#NOT_AVAILABLE} (the source reported -1);
 *     {@code null} if never
 */
public record TargetHistory(
        int consecutiveUnknown,
        int consecutiveKnown,
        boolean sawUnknown,
        Instant pendingNotAvailableAt) {

    /** The daemon's shortest pending window, which turns -1 first when the source cannot tell. */
    public static final String SHORT_WINDOW = "1m";

    /** The history of a target never evaluated. */
    public static final TargetHistory INITIAL = new TargetHistory(0, 0, false, null);

    public TargetHistory {
        if (consecutiveUnknown < 0 || consecutiveKnown < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (consecutiveUnknown > 0 && consecutiveKnown > 0) {
            throw new IllegalArgumentException("a streak is either known or unknown, not both");
        }
    }

    /** A history that has never seen pending not available. */
    public TargetHistory(int consecutiveUnknown, int consecutiveKnown, boolean sawUnknown) {
        this(consecutiveUnknown, consecutiveKnown, sawUnknown, null);
    }

    /**
     * The history after one more evaluation with {@code readings}, without the time: a pending that
     * is not available is not remembered.
     */
    public TargetHistory observe(Readings readings) {
        return observe(readings, null);
    }

    /** The history after one more evaluation with {@code readings}, read at {@code at}. */
    public TargetHistory observe(Readings readings, Instant at) {
        Instant notAvailable =
                at != null && saysPendingNotAvailable(readings) ? at : pendingNotAvailableAt;
        if (readings.allKnown()) {
            return new TargetHistory(
                    0, saturatedIncrement(consecutiveKnown), sawUnknown, notAvailable);
        }
        return new TargetHistory(saturatedIncrement(consecutiveUnknown), 0, true, notAvailable);
    }

    /**
     * Until when a pending average may still hold the source's -1s: {@code lookbackSeconds} after
     * it last said it could not tell. Numaflow's daemon averages replica 0's samples over the
     * window, -1s included, so for a while after it reads lower than the real backlog.
     */
    public Optional<Instant> pendingMayReadLowUntil(int lookbackSeconds) {
        return Optional.ofNullable(pendingNotAvailableAt).map(t -> t.plusSeconds(lookbackSeconds));
    }

    private static boolean saysPendingNotAvailable(Readings readings) {
        Reading shortWindow = readings.pendingWindows().get(SHORT_WINDOW);
        return isNotAvailable(readings.pending()) || isNotAvailable(shortWindow);
    }

    private static boolean isNotAvailable(Reading reading) {
        return reading instanceof Reading.Unknown
                && ((Reading.Unknown) reading).cause() == UnknownCause.NOT_AVAILABLE;
    }

    /**
     * Whether the latest known readings are among the first {@code warmupSamples} after signals
     * were unknown.
     */
    public boolean warmingUp(int warmupSamples) {
        return sawUnknown && consecutiveKnown > 0 && consecutiveKnown <= warmupSamples;
    }

    private static int saturatedIncrement(int value) {
        return value == Integer.MAX_VALUE ? value : value + 1;
    }
}
