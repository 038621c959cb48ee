package dev.ballast.core.spi;

import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import java.util.Optional;

/**
 * Reads the current status of targets and sets their replica count, for example on Kubernetes or in
 * memory. Must be safe for concurrent use, though never called concurrently for one target.
 */
public interface Actuator extends AutoCloseable {

    /**
     * Starts background work such as watches or leader election. Called once before use; creating
     * an actuator must do no I/O, so that a configuration can be checked without a cluster. The
     * default does nothing.
     */
    default void start() {}

    /**
     * The current status of {@code target}, served from memory or a cache, never from a slow call.
     *
     * @return the status, or empty when it is not known right now (cache not synced yet, object not
     *     seen yet); the caller then changes nothing for this target
     */
    Optional<TargetStatus> status(TargetRef target);

    /**
     * Sets the replica count of {@code target} ({@code spec.replicas} on Kubernetes).
     *
     * @throws ActuationException if the change was not applied; its {@link
     *     ActuationException.Failure} says why
     */
    void setReplicas(TargetRef target, int replicas) throws ActuationException;

    /**
     * Whether this instance may change replicas now, for example because it holds the leader lease.
     * When false, decisions are still made and reported but not applied. The default is true.
     */
    default boolean isActive() {
        return true;
    }

    /** Releases connections, watches and leases. The default does nothing. */
    @Override
    default void close() {}
}
