package dev.ballast.core.spi;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import java.util.concurrent.CompletionStage;

/**
 * Reads the scaling signals (processing rate and pending messages) of targets, for example from
 * Numaflow's daemon or from Prometheus.
 *
 * <p>Implementations turn every wire sentinel (negative numbers, NaN, missing keys, empty results)
 * into an unknown {@link dev.ballast.core.model.Reading} at the edge; they never report a number
 * that stands for "unknown". They must be safe for concurrent use by many evaluations.
 */
public interface MetricSource extends AutoCloseable {

    /**
     * Starts reading the signals of {@code target}. Must not block the calling thread on I/O.
     *
     * @return a stage that completes with the readings (individual signals may be unknown), or
     *     exceptionally with a {@link MetricSourceException} when the call as a whole failed. The
     *     caller turns such failures into unknown readings; they never count as zero.
     */
    CompletionStage<Readings> read(Target target);

    /**
     * The endpoint that serves {@code target}, for example the daemon's base URL. Callers keep one
     * circuit breaker per endpoint, so that one dead endpoint does not slow the others. The default
     * is one endpoint per target.
     */
    default String endpoint(Target target) {
        return target.ref().key();
    }

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {}
}
