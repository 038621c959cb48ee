package dev.ballast.core.testing;

import dev.ballast.core.loop.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} in virtual time: tasks run, in due order, only when the test advances the
 * {@link TestingClock} with {@link #advance(Duration)} or {@link #runDue()}. Runs tasks on the
 * calling thread.
 */
public final class TestingScheduler implements Scheduler {

    private final TestingClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long sequence;

    public TestingScheduler(TestingClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        Task t = new Task(clock.instant().plus(wait), sequence++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    /** Runs every task due now, including tasks they schedule for now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward by {@code duration}, running each task at its due time. */
    public void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(end)) {
                    break;
                }
                queue.poll();
            }
            if (next.due.isAfter(clock.instant())) {
                clock.set(next.due);
            }
            if (!next.cancelled) {
                next.task.run();
            }
        }
        clock.set(end);
    }

    /** Tasks waiting to run, cancelled ones excluded. */
    public synchronized long pending() {
        return queue.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Task implements Comparable<Task> {
        final Instant due;
        final long sequence;
        final Runnable task;
        volatile boolean cancelled;

        Task(Instant due, long sequence, Runnable task) {
            this.due = due;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int byDue = due.compareTo(o.due);
            return byDue != 0 ? byDue : Long.compare(sequence, o.sequence);
        }
    }
}
