package dev.ballast.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A MonoVertex in simulated time: a backlog fed by a workload and drained by ready replicas, each
 * working off {@code capacity} messages per second; a new replica is ready {@code startupSeconds}
 * after it was asked for. Counts messages read, as {@code monovtx_read_total} does.
 */
public final class SimulatedMonoVertex {

    private final double capacity;
    private final double startupSeconds;
    private final List<Double> readyAt = new ArrayList<>();
    private double backlog;
    private double readTotal;
    private int replicas;
    private double lastScaledAt;

    public SimulatedMonoVertex(int replicas, double capacity, double startupSeconds) {
        this.capacity = capacity;
        this.startupSeconds = startupSeconds;
        this.lastScaledAt = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < replicas; i++) {
            readyAt.add(Double.NEGATIVE_INFINITY);
        }
        this.replicas = replicas;
    }

    /** Advances {@code dt} seconds from {@code now} with {@code arrivals} messages per second. */
    void step(double now, double dt, double arrivals) {
        backlog += arrivals * dt;
        double work = Math.min(backlog, ready(now) * capacity * dt);
        backlog -= work;
        readTotal += work;
    }

    /** Sets the replica count at {@code now}; new replicas start up, removed ones go at once. */
    void scale(int to, double now) {
        if (to == replicas) {
            return;
        }
        while (readyAt.size() < to) {
            readyAt.add(now + startupSeconds);
        }
        while (readyAt.size() > to) {
            readyAt.remove(readyAt.size() - 1);
        }
        replicas = to;
        lastScaledAt = now;
    }

    int ready(double now) {
        int ready = 0;
        for (double t : readyAt) {
            if (t <= now) {
                ready++;
            }
        }
        return ready;
    }

    public int replicas() {
        return replicas;
    }

    public double backlog() {
        return backlog;
    }

    public double readTotal() {
        return readTotal;
    }

    public double lastScaledAt() {
        return lastScaledAt;
    }

    public double capacity() {
        return capacity;
    }
}
