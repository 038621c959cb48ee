package dev.ballast.core.testing;

import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.spi.ActuationException;
import dev.ballast.core.spi.Actuator;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link Actuator} over statuses the test sets. Like Numaflow's reconciler, a replica change
 * takes effect at once: spec and status replicas move, all replicas are ready, and {@code
 * lastScaledAt} becomes now. Failures can be queued per target.
 */
public final class TestingActuator implements Actuator {

    /** One applied change. */
    public record Change(TargetRef target, int from, int to) {}

    private final Clock clock;
    private final Map<TargetRef, TargetStatus> statuses = new ConcurrentHashMap<>();
    private final Map<TargetRef, Queue<ActuationException>> failures = new ConcurrentHashMap<>();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;
    private volatile RuntimeException nextActiveCheckFailure;

    public TestingActuator(Clock clock) {
        this.clock = clock;
    }

    public TestingActuator put(TargetRef ref, TargetStatus status) {
        statuses.put(ref, status);
        return this;
    }

    public TestingActuator remove(TargetRef ref) {
        statuses.remove(ref);
        return this;
    }

    /** The next {@link #setReplicas} for {@code ref} throws {@code failure}. */
    public TestingActuator failNext(TargetRef ref, ActuationException failure) {
        failures.computeIfAbsent(ref, r -> new ArrayDeque<>()).add(failure);
        return this;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** The next {@link #isActive()} throws {@code failure}, as an actuator with a bug might. */
    public void failNextActiveCheck(RuntimeException failure) {
        this.nextActiveCheckFailure = failure;
    }

    @Override
    public Optional<TargetStatus> status(TargetRef target) {
        return Optional.ofNullable(statuses.get(target));
    }

    @Override
    public void setReplicas(TargetRef target, int replicas) throws ActuationException {
        Queue<ActuationException> queued = failures.get(target);
        ActuationException failure = queued == null ? null : queued.poll();
        if (failure != null) {
            throw failure;
        }
        TargetStatus current = statuses.get(target);
        if (current == null) {
            throw new ActuationException(
                    ActuationException.Failure.TARGET_GONE, target + " does not exist");
        }
        statuses.put(target, current.scaledTo(replicas, clock.instant()));
        changes.add(new Change(target, current.replicas(), replicas));
    }

    @Override
    public boolean isActive() {
        RuntimeException failure = nextActiveCheckFailure;
        if (failure != null) {
            nextActiveCheckFailure = null;
            throw failure;
        }
        return active;
    }

    /** The current replica count of {@code ref}. */
    public int replicas(TargetRef ref) {
        return statuses.get(ref).replicas();
    }

    /** Every change applied so far, in order. */
    public List<Change> changes() {
        return List.copyOf(changes);
    }
}
