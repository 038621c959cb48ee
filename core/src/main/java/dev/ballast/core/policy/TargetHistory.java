package dev.ballast.core.policy;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import java.time.Instant;
import java.util.Optional;

/**
 * What the safety rules remember about one target between evaluations: how many evaluations in a
 * row had unknown or known signals, and until when the source may have written -1 for pending.
 * Immutable; the control loop keeps one per target and replaces it with {@link #observe(Readings,
 * Instant)} at each evaluation.
 *
 * @param consecutiveUnknown evaluations in a row, up to and including the latest, with a signal
 *     unknown
 * @param consecutiveKnown evaluations in a row, up to and including the latest, with both signals
 *     known
 * @param sawUnknown whether any evaluation so far had a signal unknown
 * @param pendingMinusOnesUntil the latest time the source may have written -1 for pending: the
 *     latest evaluation at which pending, or its {@value #SHORT_WINDOW} window, was {@link
 *     UnknownCause#NOT_AVAILABLE}, or the first one after it (the -1s may have gone on until then);
 *     {@code null} if never
 * @param pendingNotAvailableLastTime whether the latest evaluation saw pending not available
 */
public record TargetHistory(
        int consecutiveUnknown,
        int consecutiveKnown,
        boolean sawUnknown,
        Instant pendingMinusOnesUntil,
        boolean pendingNotAvailableLastTime) {

    /** The daemon's shortest pending window, which turns -1 first when the source cannot tell. */
    public static final String SHORT_WINDOW = "1m";

    /**
     * Numaflow's daemon stamps its samples with times rounded to its 10 s count window, so a -1 may
     * sit in a window up to this much longer than the window's nominal length.
     */
    public static final int SAMPLE_TIME_SLACK_SECONDS = 10;

    /** The history of a target never evaluated. */
    public static final TargetHistory INITIAL = new TargetHistory(0, 0, false, null, false);

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
        this(consecutiveUnknown, consecutiveKnown, sawUnknown, null, false);
    }

    /**
     * The history after one more evaluation with {@code readings}, without the time.
     *
     * @deprecated a pending that is not available is not remembered, so the rule that holds
     *     scale-down while pending may still average the source's -1s is off; use {@link
     *     #observe(Readings, Instant)}
     */
    @Deprecated
    public TargetHistory observe(Readings readings) {
        return next(readings, null);
    }

    /** The history after one more evaluation with {@code readings}, read at {@code at}. */
    public TargetHistory observe(Readings readings, Instant at) {
        return next(readings, java.util.Objects.requireNonNull(at, "at"));
    }

    private TargetHistory next(Readings readings, Instant at) {
        boolean notAvailable = at != null && saysPendingNotAvailable(readings);
        // The -1s may have gone on until this evaluation if the previous one still saw them.
        Instant minusOnesUntil =
                notAvailable || (at != null && pendingNotAvailableLastTime)
                        ? at
                        : pendingMinusOnesUntil;
        if (readings.allKnown()) {
            return new TargetHistory(
                    0,
                    saturatedIncrement(consecutiveKnown),
                    sawUnknown,
                    minusOnesUntil,
                    notAvailable);
        }
        return new TargetHistory(
                saturatedIncrement(consecutiveUnknown), 0, true, minusOnesUntil, notAvailable);
    }

    /**
     * Until when a pending averaged over {@code lookbackSeconds} may still hold the source's -1s.
     * Numaflow's daemon averages replica 0's samples over the window, -1s included, so meanwhile it
     * reads lower than the real backlog.
     */
    public Optional<Instant> pendingMayReadLowUntil(int lookbackSeconds) {
        return Optional.ofNullable(pendingMinusOnesUntil)
                .map(t -> t.plusSeconds(lookbackSeconds + SAMPLE_TIME_SLACK_SECONDS));
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
