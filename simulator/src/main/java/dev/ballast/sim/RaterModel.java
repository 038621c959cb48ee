package dev.ballast.sim;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Numaflow's daemon rater, emulated: it scrapes the pods every 5 s, keeps the samples of the
 * lookback window, knows no rate until it has 3 samples after a (re)start, reads pending as the
 * average of replica 0's samples, and after a missed scrape counts a pod's whole counter once (the
 * known over-estimate). Faults come from the scenario.
 */
final class RaterModel {

    static final double SCRAPE_SECONDS = 5;
    static final int MIN_SAMPLES = 3;

    /** A daemon in a restart fault restarts this often. */
    static final double RESTART_EVERY_SECONDS = 10;

    private record Sample(double at, double counter, double pending, boolean afterGap) {}

    private final Deque<Sample> samples = new ArrayDeque<>();
    private final List<Fault> faults;
    private final int lookbackSeconds;
    private double nextScrape;
    private double lastRestart = Double.NEGATIVE_INFINITY;
    private boolean missedScrape;

    RaterModel(List<Fault> faults, int lookbackSeconds) {
        this.faults = faults;
        this.lookbackSeconds = lookbackSeconds;
    }

    /** Called every simulated second: restarts and scrapes when due. */
    void tick(double now, SimulatedMonoVertex vertex) {
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
        while (!samples.isEmpty() && samples.peekFirst().at < now - lookbackSeconds) {
            samples.removeFirst();
        }
    }

    /**
     * What {@code GET /api/v1/metrics} answers now, as readings; a source error when unreachable.
     */
    Readings read(double now, Instant at) {
        if (active(Fault.Kind.DAEMON_UNREACHABLE, now)) {
            return Readings.unknown(UnknownCause.SOURCE_ERROR, "daemon unreachable");
        }
        return Readings.of(rate(at), pending(at));
    }

    /** The rate the daemon reports, or empty for its -2^63 "not known yet". */
    java.util.OptionalDouble rawRate() {
        if (samples.size() < MIN_SAMPLES) {
            return java.util.OptionalDouble.empty();
        }
        Sample first = samples.peekFirst();
        Sample previous = null;
        double counted = 0;
        for (Sample s : samples) {
            if (previous != null) {
                counted += s.afterGap ? s.counter : s.counter - previous.counter;
            }
            previous = s;
        }
        double span = samples.peekLast().at - first.at;
        return span <= 0
                ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(counted / span);
    }

    /** The pending count the daemon reports, or empty for -1. */
    java.util.OptionalDouble rawPending() {
        if (samples.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        double sum = 0;
        for (Sample s : samples) {
            if (s.pending < 0) {
                return java.util.OptionalDouble.empty();
            }
            sum += s.pending;
        }
        return java.util.OptionalDouble.of(Math.floor(sum / samples.size()));
    }

    private Reading rate(Instant at) {
        java.util.OptionalDouble rate = rawRate();
        return rate.isPresent()
                ? Reading.known(rate.getAsDouble(), at)
                : Reading.unknown(UnknownCause.NOT_AVAILABLE, "rater has fewer than 3 samples");
    }

    private Reading pending(Instant at) {
        java.util.OptionalDouble pending = rawPending();
        return pending.isPresent()
                ? Reading.known(pending.getAsDouble(), at)
                : Reading.unknown(UnknownCause.NOT_AVAILABLE, "pending not available");
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
