package dev.ballast.core.loop;

import java.time.Duration;

/** Counts evaluations and replica changes under way, so that shutdown can wait for them. */
final class InFlight {

    private int evaluations;
    private int actuations;

    synchronized void startEvaluation() {
        evaluations++;
    }

    synchronized void endEvaluation() {
        if (--evaluations == 0) {
            notifyAll();
        }
    }

    synchronized void startActuation() {
        actuations++;
    }

    synchronized void endActuation() {
        if (--actuations == 0) {
            notifyAll();
        }
    }

    synchronized int evaluations() {
        return evaluations;
    }

    /**
     * Waits until no evaluation is under way, or {@code timeout} passes; true in the first case.
     */
    synchronized boolean awaitEvaluations(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (evaluations > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (!waitNanos(left)) {
                return evaluations == 0;
            }
        }
        return true;
    }

    /** Waits until no replica change is under way; the actuator bounds how long one takes. */
    synchronized void awaitActuations() {
        while (actuations > 0) {
            if (!waitNanos(Long.MAX_VALUE)) {
                return;
            }
        }
    }

    /** Waits; false if interrupted (the interrupt is kept). */
    private boolean waitNanos(long nanos) {
        try {
            long millis = Math.min(nanos / 1_000_000, Long.MAX_VALUE / 2);
            if (millis == 0) {
                wait(0, (int) Math.max(1, nanos));
            } else {
                wait(millis);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
