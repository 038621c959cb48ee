package dev.ballast.core.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Counts one interval's evaluations down and reports the interval when the last one ends. */
final class IntervalTracker {

    private final Listeners listeners;
    private final Clock clock;
    private final int targets;
    private final Instant startedAt;
    private int remaining;
    private int skipped;

    IntervalTracker(Listeners listeners, Clock clock, int targets, Instant startedAt) {
        this.listeners = listeners;
        this.clock = clock;
        this.targets = targets;
        this.startedAt = startedAt;
        this.remaining = targets;
        if (targets == 0) {
            listeners.intervalCompleted(0, 0, Duration.ZERO);
        }
    }

    /** One target is done; {@code skippedOne} if its evaluation was skipped for overlapping. */
    void done(boolean skippedOne) {
        int skippedNow;
        synchronized (this) {
            if (skippedOne) {
                skipped++;
            }
            if (--remaining != 0) {
                return;
            }
            skippedNow = skipped;
        }
        Duration took = Duration.between(startedAt, clock.instant());
        listeners.intervalCompleted(targets, skippedNow, took.isNegative() ? Duration.ZERO : took);
    }
}
