package dev.ballast.core.testing;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * An {@link Executor} that queues tasks until the test runs them, to stand for a worker pool that
 * is busy.
 */
public final class TestingExecutor implements Executor {

    private final java.util.Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs queued tasks, including those they queue, until none is left. */
    public void runAll() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /** Runs only the tasks queued now, not those they queue. */
    public void runQueued() {
        int n;
        synchronized (this) {
            n = queue.size();
        }
        for (int i = 0; i < n; i++) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
            }
            next.run();
        }
    }

    /** Runs the task queued last, as a pool with several threads may well do. */
    public void runNewest() {
        Runnable newest;
        synchronized (this) {
            newest = queue.pollLast();
        }
        if (newest != null) {
            newest.run();
        }
    }

    public synchronized int queued() {
        return queue.size();
    }
}
