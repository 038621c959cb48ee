package dev.ballast.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * A scenario's world advanced second by second by someone else's clock, for the live demo: the
 * MonoVertex, its workload and the daemon's rater, with the faults injected. Thread-safe.
 */
public final class LiveWorld {

    /**
     * What the daemon answers: reachable or not, its rate (empty: not known yet), and its pending
     * and pending over the last minute (the {@code 1m} window) as it writes them: negative when the
     * source cannot tell, {@link RaterModel#NO_SAMPLES} before it has samples.
     */
    public record DaemonAnswer(
            boolean reachable, OptionalDouble rate, long pending, long pendingLastMinute) {}

    private final Scenario scenario;
    private final SimulatedMonoVertex vertex;
    private final RaterModel rater;
    private final Random random;
    private final List<Simulation.Point> points = new ArrayList<>();
    private final Score.Builder score;
    private int second;

    public LiveWorld(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.vertex =
                new SimulatedMonoVertex(
                        scenario.replicas(), scenario.capacity(), scenario.startupSeconds());
        this.rater = new RaterModel(scenario.faults(), scenario.scale().lookbackSeconds());
        this.random = new Random(seed);
        this.score = new Score.Builder(scenario);
    }

    /** Advances to {@code until} seconds, one second at a time; false once the scenario is over. */
    public synchronized boolean advanceTo(double until) {
        while (second < until && second < scenario.seconds()) {
            double arrivals =
                    scenario.workload().rate(second) * (1 + 0.05 * (random.nextDouble() * 2 - 1));
            vertex.step(second, 1, arrivals);
            rater.tick(second, vertex);
            double at = second;
            boolean faulted = scenario.faults().stream().anyMatch(f -> f.activeAt(at));
            OptionalDouble rate = rater.rawRate();
            points.add(
                    new Simulation.Point(
                            second,
                            arrivals,
                            vertex.backlog(),
                            rate.isPresent() ? rate.getAsDouble() : null,
                            vertex.replicas(),
                            faulted));
            score.second(arrivals, vertex.backlog(), vertex.replicas());
            second++;
        }
        return second < scenario.seconds();
    }

    /** Applies a replica count set by the actuator (as Numaflow's reconciler would). */
    public synchronized void scale(int replicas) {
        if (replicas != vertex.replicas()) {
            double arrivals = scenario.workload().rate(second);
            score.change(vertex.replicas(), replicas, arrivals);
            vertex.scale(replicas, second);
        }
    }

    /** What the daemon answers at the current second. */
    public synchronized DaemonAnswer daemon() {
        boolean unreachable =
                scenario.faults().stream()
                        .anyMatch(
                                f ->
                                        f.kind() == Fault.Kind.DAEMON_UNREACHABLE
                                                && f.activeAt(second));
        return new DaemonAnswer(
                !unreachable,
                rater.rawRate(),
                rater.rawPending(),
                rater.rawPending(RaterModel.SHORT_WINDOW_SECONDS));
    }

    public synchronized int second() {
        return second;
    }

    public synchronized double arrivals() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).arrivals();
    }

    public synchronized double backlog() {
        return vertex.backlog();
    }

    public synchronized List<Simulation.Point> points() {
        return List.copyOf(points);
    }

    public synchronized Score score() {
        return score.build();
    }

    public Scenario scenario() {
        return scenario;
    }
}
