package dev.ballast.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * The signals read for one target in one evaluation: processing rate (messages per second) and
 * pending messages, plus, where the source offers them, the same signals over other windows.
 */
public final class Readings {

    private final Reading rate;
    private final Reading pending;
    private final Map<String, Reading> rateWindows;
    private final Map<String, Reading> pendingWindows;

    private Readings(
            Reading rate,
            Reading pending,
            Map<String, Reading> rateWindows,
            Map<String, Reading> pendingWindows) {
        this.rate = Objects.requireNonNull(rate, "rate");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.rateWindows = Map.copyOf(rateWindows);
        this.pendingWindows = Map.copyOf(pendingWindows);
    }

    /** The scaling signals (the daemon's {@code default} window). */
    public static Readings of(Reading rate, Reading pending) {
        return new Readings(rate, pending, Map.of(), Map.of());
    }

    /**
     * The scaling signals plus other windows keyed by name (for example {@code 1m}, {@code 5m},
     * {@code 15m}); those are for reports, and the safety rules read one thing from them: whether
     * the source said it could not tell pending over the last minute.
     */
    public static Readings of(
            Reading rate,
            Reading pending,
            Map<String, Reading> rateWindows,
            Map<String, Reading> pendingWindows) {
        return new Readings(rate, pending, rateWindows, pendingWindows);
    }

    /** Both signals unknown for the same cause, typically because the source call failed. */
    public static Readings unknown(UnknownCause cause, String detail) {
        Reading reading = Reading.unknown(cause, detail);
        return new Readings(reading, reading, Map.of(), Map.of());
    }

    /** Processing rate in messages per second. */
    public Reading rate() {
        return rate;
    }

    /** Pending messages. */
    public Reading pending() {
        return pending;
    }

    /** Rates over other windows, by window name; empty when the source offers none. */
    public Map<String, Reading> rateWindows() {
        return rateWindows;
    }

    /** Pending counts over other windows, by window name; empty when the source offers none. */
    public Map<String, Reading> pendingWindows() {
        return pendingWindows;
    }

    /** Whether both scaling signals are known. */
    public boolean allKnown() {
        return rate.isKnown() && pending.isKnown();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Readings)) {
            return false;
        }
        Readings r = (Readings) o;
        return rate.equals(r.rate)
                && pending.equals(r.pending)
                && rateWindows.equals(r.rateWindows)
                && pendingWindows.equals(r.pendingWindows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rate, pending, rateWindows, pendingWindows);
    }

    @Override
    public String toString() {
        return "Readings{rate=" + rate + ", pending=" + pending + "}";
    }
}
