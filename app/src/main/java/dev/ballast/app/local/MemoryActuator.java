package dev.ballast.app.local;

import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.spi.ActuationException;
import dev.ballast.core.spi.Actuator;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replicas kept in memory, for trials, tests and demos. A change takes effect at once, as if
 * Numaflow's reconciler had carried it out: spec and status replicas move, every replica is ready,
 * and {@code lastScaledAt} becomes now. Targets unknown to it read as status unknown until seeded.
 */
public final class MemoryActuator implements Actuator {

    private final Clock clock;
    private final Map<TargetRef, TargetStatus> statuses = new ConcurrentHashMap<>();

    public MemoryActuator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Starts {@code target} at {@code replicas}, running, never scaled (so no cooldown holds its
     * first decision).
     */
    public void seed(TargetRef target, int replicas) {
        statuses.putIfAbsent(target, TargetStatus.running(replicas, null));
    }

    /** The current replicas of {@code target}, if it is known. */
    public Optional<Integer> replicas(TargetRef target) {
        return Optional.ofNullable(statuses.get(target)).map(TargetStatus::replicas);
    }

    @Override
    public Optional<TargetStatus> status(TargetRef target) {
        return Optional.ofNullable(statuses.get(target));
    }

    @Override
    public void setReplicas(TargetRef target, int replicas) throws ActuationException {
        TargetStatus current = statuses.get(target);
        if (current == null) {
            throw new ActuationException(
                    ActuationException.Failure.TARGET_GONE,
                    target + " is not known to the memory actuator");
        }
        statuses.put(target, current.scaledTo(replicas, clock.instant()));
    }
}
