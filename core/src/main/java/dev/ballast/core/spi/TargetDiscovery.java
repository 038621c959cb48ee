package dev.ballast.core.spi;

import dev.ballast.core.model.Target;
import java.util.List;

/**
 * Tells which targets exist and how each may be scaled, for example from a Kubernetes watch or a
 * static list. A target whose description is invalid is left out (and reported by the
 * implementation), so that it is never scaled.
 */
public interface TargetDiscovery extends AutoCloseable {

    /**
     * Starts watching for targets. Called once before {@link #targets()}; the default does nothing.
     */
    default void start() {}

    /**
     * The targets known now. Cheap: served from memory, called once per control-loop interval. Each
     * call returns a snapshot that later changes do not affect.
     */
    List<Target> targets();

    /**
     * Whether the first complete listing has arrived. Until then {@link #targets()} may be
     * incomplete and the app does not report ready. The default is true.
     */
    default boolean isSynced() {
        return true;
    }

    /** Stops watching. The default does nothing. */
    @Override
    default void close() {}
}
