package dev.ballast.core.loop;

import java.time.Duration;

/** Counts evaluations under way, so that shutdown can wait for them. */
final class InFlight {

    private int count;

    synchronized void increment() {
        count++;
    }

    synchronized void decrement() {
        if (--count == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    /**
     * Waits until no evaluation is under way, or {@code timeout} passes; true in the first case.
     */
    synchronized boolean awaitZero(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count == 0;
            }
        }
        return true;
    }
}
