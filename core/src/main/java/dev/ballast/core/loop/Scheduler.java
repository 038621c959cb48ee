package dev.ballast.core.loop;

import java.time.Duration;

/**
 * Runs tasks after a delay. The control loop takes one so that tests can drive it in virtual time;
 * {@link ExecutorScheduler} is the real one.
 */
public interface Scheduler {

    /**
     * Runs {@code task} once after {@code delay} (at once if zero or negative). Tasks must be
     * short: the control loop only hands work to its workers from them.
     *
     * @return a handle that cancels the task if it has not started
     */
    Cancellable schedule(Runnable task, Duration delay);

    /** A scheduled task that can be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not started; does nothing otherwise. */
        void cancel();
    }
}
