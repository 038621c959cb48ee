package dev.ballast.sim;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import dev.ballast.core.policy.TargetHistory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Numaflow's daemon rater, emulated: it scrapes the pods every 5 s, keeps the samples of the
 * lookback window, knows no rate until it has 3 samples after a (re)start, reads pending as the
 * average of replica 0's samples (its -1s included, as Numaflow does), and after a missed scrape
 * counts a pod's whole counter once (the known over-estimate). Faults come from the scenario.
 */
final class RaterModel {

    static final double SCRAPE_SECONDS = 5;
    static final int MIN_SAMPLES = 3;
    static final int SHORT_WINDOW_SECONDS = 60;

    /** The daemon's pending when it has no samples to average: -2^63. */
    public static final long NO_SAMPLES = Long.MIN_VALUE;

    /** A daemon in a restart fault restarts this often. */
    static final double RESTART_EVERY_SECONDS = 10;

    private record Sample(double at, double counter, double pending, boolean afterGap) {}

    private final Deque<Sample> samples = new ArrayDeque<>();
    private final List<Fault> faults;
    private final int lookbackSeconds;
    private double nextScrape;
    private double lastRestart = Double.NEGATIVE_INFINITY;
    private boolean missedScrape;

    /** The latest tick: windows reach back from it, as Numaflow's reach back from its clock. */
    private double now;

    RaterModel(List<Fault> faults, int lookbackSeconds) {
        this.faults = faults;
        this.lookbackSeconds = lookbackSeconds;
    }

    /** Called every simulated second: restarts and scrapes when due. */
    void tick(double now, SimulatedMonoVertex vertex) {
        this.now = now;
        if (active(Fault.Kind.DAEMON_RESTART, now) && now - lastRestart >= RESTART_EVERY_SECONDS) {
            samples.clear();
            lastRestart = now;
        }
        if (now < nextScrape) {
            return;
        }
        nextScrape = now + SCRAPE_SECONDS;
        if (active(Fault.Kind.SCRAPE_FAILURES, now) || active(Fault.Kind.DAEMON_UNREACHABLE, now)) {
            missedScrape = true;
            return;
        }
        double pending =
                active(Fault.Kind.PENDING_UNAVAILABLE, now) ? -1 : Math.floor(vertex.backlog());
        samples.addLast(new Sample(now, vertex.readTotal(), pending, missedScrape));
        missedScrape = false;
        while (!samples.isEmpty() && samples.peekFirst().at < now - keptSeconds()) {
            samples.removeFirst();
        }
    }

    /** Samples are kept for the default window and for the 1m window, whichever is longer. */
    private int keptSeconds() {
        return Math.max(lookbackSeconds, SHORT_WINDOW_SECONDS);
    }

    /**
     * What {@code GET /api/v1/metrics} answers now, as readings; a source error when unreachable.
     */
    Readings read(double now, Instant at) {
        if (active(Fault.Kind.DAEMON_UNREACHABLE, now)) {
            return Readings.unknown(UnknownCause.SOURCE_ERROR, "daemon unreachable");
        }
        return Readings.of(
                rate(at),
                pendingReading(rawPending(), at),
                java.util.Map.of(),
                java.util.Map.of(
                        TargetHistory.SHORT_WINDOW,
                        pendingReading(rawPending(SHORT_WINDOW_SECONDS), at)));
    }

    /** The rate the daemon reports, or empty for its -2^63 "not known yet". */
    java.util.OptionalDouble rawRate() {
        List<Sample> window = window(lookbackSeconds);
        if (window.size() < MIN_SAMPLES) {
            return java.util.OptionalDouble.empty();
        }
        double counted = 0;
        for (int i = 1; i < window.size(); i++) {
            Sample s = window.get(i);
            counted += s.afterGap ? s.counter : s.counter - window.get(i - 1).counter;
        }
        double span = window.get(window.size() - 1).at - window.get(0).at;
        return span <= 0
                ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(counted / span);
    }

    /**
     * The pending count the daemon reports, as Numaflow's {@code CalculatePending}: the integer
     * average of replica 0's samples in the window, its -1s ("cannot tell") included, so a window
     * that mixes -1 with real values gives less than the real backlog, and {@link #NO_SAMPLES} from
     * fewer than 2 samples.
     */
    long rawPending() {
        return rawPending(lookbackSeconds);
    }

    /** The same over the last {@code windowSeconds} (the daemon's {@code 1m} window: 60). */
    long rawPending(int windowSeconds) {
        List<Sample> window = window(windowSeconds);
        if (window.size() <= 1) {
            return NO_SAMPLES;
        }
        long sum = 0;
        for (Sample s : window) {
            sum += (long) s.pending;
        }
        return sum / window.size(); // Go's int64 division: truncated toward zero
    }

    /**
     * The samples of the last {@code seconds} before the latest tick, oldest first: none once
     * scrapes have failed for longer than that, as the daemon answers -2^63 then.
     */
    private List<Sample> window(int seconds) {
        List<Sample> window = new java.util.ArrayList<>(samples.size());
        double from = now - seconds;
        for (Sample s : samples) {
            if (s.at >= from) {
                window.add(s);
            }
        }
        return window;
    }

    private Reading rate(Instant at) {
        java.util.OptionalDouble rate = rawRate();
        return rate.isPresent()
                ? Reading.known(rate.getAsDouble(), at)
                : Reading.unknown(UnknownCause.NOT_AVAILABLE, "rater has fewer than 3 samples");
    }

    /** A pending as the daemon source reads it. */
    private static Reading pendingReading(long raw, Instant at) {
        if (raw == NO_SAMPLES) {
            return Reading.unknown(UnknownCause.NO_DATA, "the rater has fewer than 2 samples");
        }
        if (raw < 0) {
            return Reading.unknown(
                    UnknownCause.NOT_AVAILABLE, "pending " + raw + " means not available");
        }
        return Reading.known(raw, at);
    }

    private boolean active(Fault.Kind kind, double now) {
        for (Fault f : faults) {
            if (f.kind() == kind && f.activeAt(now)) {
                return true;
            }
        }
        return false;
    }
}
