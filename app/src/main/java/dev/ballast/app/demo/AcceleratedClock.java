package dev.ballast.app.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that runs {@code speed} times faster than real time, from {@code epoch}. */
final class AcceleratedClock extends Clock {

    private final Instant epoch;
    private volatile long startNanos = Long.MIN_VALUE;
    private final double speed;

    AcceleratedClock(Instant epoch, double speed) {
        this.epoch = epoch;
        this.speed = speed;
    }

    /** Starts the clock; until then it stands at the epoch. */
    void start() {
        startNanos = System.nanoTime();
    }

    private long elapsedNanos() {
        long start = startNanos;
        return start == Long.MIN_VALUE ? 0 : (long) ((System.nanoTime() - start) * speed);
    }

    /** Simulated seconds since the epoch. */
    double seconds() {
        return elapsedNanos() / 1e9;
    }

    @Override
    public Instant instant() {
        return epoch.plusNanos(elapsedNanos());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
