package dev.ballast.sim;

import dev.ballast.core.model.ScaleSpec;
import java.util.List;

/**
 * A simulated situation: a workload, a MonoVertex and the faults to inject.
 *
 * @param name short name, for {@code --scenario}
 * @param description one line for the scorecard
 * @param workload arrivals per second
 * @param seconds how long it runs
 * @param replicas replicas at the start
 * @param capacity messages per second one ready replica works off
 * @param startupSeconds time for a new replica to become ready
 * @param scale the MonoVertex's {@code spec.scale}
 * @param faults faults injected into the daemon
 * @param backlogThreshold backlog counted as too high, for the score
 */
public record Scenario(
        String name,
        String description,
        Workload workload,
        double seconds,
        int replicas,
        double capacity,
        double startupSeconds,
        ScaleSpec scale,
        List<Fault> faults,
        double backlogThreshold) {

    public Scenario {
        faults = List.copyOf(faults);
    }
}
