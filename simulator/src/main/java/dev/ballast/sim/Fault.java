package dev.ballast.sim;

/**
 * A fault injected into the emulated daemon over {@code [from, to)} seconds of simulated time.
 *
 * @param kind what goes wrong
 * @param from when it starts
 * @param to when it ends
 */
public record Fault(Kind kind, double from, double to) {

    /** The faults the daemon emulation knows. */
    public enum Kind {
        /** The daemon restarts at {@code from}: its rater forgets every sample. */
        DAEMON_RESTART,
        /** The daemon cannot be reached: reads fail. */
        DAEMON_UNREACHABLE,
        /** The rater's scrapes of the pods fail: no new samples; the next one over-counts. */
        SCRAPE_FAILURES,
        /** The source cannot tell its pending count: the daemon reports -1. */
        PENDING_UNAVAILABLE
    }

    public boolean activeAt(double second) {
        return second >= from && second < to;
    }
}
