package dev.ballast.core.policy;

import dev.ballast.core.model.Readings;

/**
 * What the safety rules remember about one target between evaluations: how many evaluations in a
 * row had unknown or known signals. Immutable; the control loop keeps one per target and replaces
 * it with {@link #observe(Readings)} at each evaluation.
 *
 * @param consecutiveUnknown evaluations in a row, up to and including the latest, with a signal
 *     unknown
 * @param consecutiveKnown evaluations in a row, up to and including the latest, with both signals
 *     known
 * @param sawUnknown whether any evaluation so far had a signal unknown
 */
public record TargetHistory(int consecutiveUnknown, int consecutiveKnown, boolean sawUnknown) {

    /** The history of a target never evaluated. */
    public static final TargetHistory INITIAL = new TargetHistory(0, 0, false);

    public TargetHistory {
        if (consecutiveUnknown < 0 || consecutiveKnown < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (consecutiveUnknown > 0 && consecutiveKnown > 0) {
            throw new IllegalArgumentException("a streak is either known or unknown, not both");
        }
    }

    /** The history after one more evaluation with {@code readings}. */
    public TargetHistory observe(Readings readings) {
        if (readings.allKnown()) {
            return new TargetHistory(0, saturatedIncrement(consecutiveKnown), sawUnknown);
        }
        return new TargetHistory(saturatedIncrement(consecutiveUnknown), 0, true);
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
