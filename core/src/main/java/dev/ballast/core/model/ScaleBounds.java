package dev.ballast.core.model;

/**
 * The replica bounds in force at one moment: the base {@code scale.min}/{@code scale.max}, or those
 * of an active cron window (narrowed to the base bounds).
 *
 * @param min lowest replica count allowed
 * @param max highest replica count allowed
 * @param cronActive whether a cron window supplied these bounds
 */
public record ScaleBounds(int min, int max, boolean cronActive) {

    /** {@code value} limited to {@code [min, max]}. */
    public int clamp(int value) {
        return Math.max(min, Math.min(max, value));
    }

    /** Whether {@code value} lies in {@code [min, max]}. */
    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "]" + (cronActive ? " (cron window)" : "");
    }
}
