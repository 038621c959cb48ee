package dev.ballast.app.resilience;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.UnknownCause;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.SourceFailures;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Wraps a {@link MetricSource} in Resilience4j: a retry for transient failures (refused, 429, 5xx;
 * not timeouts) with exponential backoff, inside a circuit breaker per endpoint, so that one dead
 * daemon does not slow the others. Whatever happens, the stage completes normally: a failure that
 * is left becomes unknown readings with its cause ({@link UnknownCause#CIRCUIT_OPEN} for an open
 * breaker), never a number and never an exception.
 */
public final class ResilientMetricSource implements MetricSource {

    private final MetricSource delegate;
    private final CircuitBreakerRegistry breakers;
    private final Retry retry;
    private final ScheduledExecutorService scheduler;
    private final Consumer<Long> latency;

    /**
     * @param scheduler runs the retries' waits
     * @param latency told each call's duration in nanoseconds (for metrics)
     */
    public ResilientMetricSource(
            MetricSource delegate,
            ResilienceSettings settings,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            ScheduledExecutorService scheduler,
            Consumer<Long> latency) {
        this.delegate = delegate;
        this.breakers = breakers;
        this.scheduler = scheduler;
        this.latency = latency;
        this.retry = retries.retry("source", retryConfig(settings));
    }

    /** The circuit breaker settings, for the registry every endpoint's breaker is made from. */
    public static CircuitBreakerConfig breakerConfig(ResilienceSettings settings) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .ignoreException(ResilientMetricSource::isLocalOverload)
                .build();
    }

    static RetryConfig retryConfig(ResilienceSettings settings) {
        return RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(
                        settings.initialBackoff().isZero()
                                ? IntervalFunction.of(1)
                                : IntervalFunction.ofExponentialBackoff(
                                        settings.initialBackoff(), 2))
                .retryOnException(ResilientMetricSource::isTransient)
                .failAfterMaxAttempts(false)
                .build();
    }

    /**
     * Whether a retry may help and fits: refused connections and 429/5xx answers are retried; a
     * timeout is not, because it has already spent the call's whole time budget and retrying it
     * would hold a request slot twice as long for an endpoint that does not answer.
     */
    static boolean isTransient(Throwable error) {
        MetricSourceException.Failure failure = failureOf(error);
        return failure != null
                && failure.isTransient()
                && failure != MetricSourceException.Failure.TIMEOUT;
    }

    /** A call Ballast did not send for want of a request slot: not the endpoint's failure. */
    static boolean isLocalOverload(Throwable error) {
        return failureOf(error) == MetricSourceException.Failure.OVERLOADED;
    }

    /** The source's failure kind under {@code error}'s wrappers, or null for anything else. */
    private static MetricSourceException.Failure failureOf(Throwable error) {
        Throwable cause = SourceFailures.unwrap(error);
        return cause instanceof MetricSourceException
                ? ((MetricSourceException) cause).failure()
                : null;
    }

    @Override
    public CompletionStage<Readings> read(Target target) {
        CircuitBreaker breaker = breakers.circuitBreaker(delegate.endpoint(target));
        // The breaker sees one result per read (retries included), so that one read's retries
        // cannot open it on their own.
        CompletionStage<Readings> guarded =
                CircuitBreaker.decorateCompletionStage(
                                breaker,
                                Retry.decorateCompletionStage(
                                        retry, scheduler, () -> timed(target)))
                        .get();
        // A read given up by the loop is not cancelled here: cancelling an HTTP/1.1 exchange
        // closes its connection and the next read pays a new TLS handshake (in accelerated time
        // that never ended). The source's own timeout ends the call.
        return guarded.handle(
                (readings, error) -> {
                    if (error == null) {
                        return readings;
                    }
                    Throwable cause = SourceFailures.unwrap(error);
                    if (cause instanceof CallNotPermittedException) {
                        return Readings.unknown(
                                UnknownCause.CIRCUIT_OPEN,
                                "circuit open for " + breaker.getName() + "; not asked");
                    }
                    return SourceFailures.toUnknownReadings(cause);
                });
    }

    private CompletionStage<Readings> timed(Target target) {
        long start = System.nanoTime();
        CompletionStage<Readings> stage;
        try {
            stage = delegate.read(target);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.whenComplete((r, e) -> latency.accept(System.nanoTime() - start));
    }

    @Override
    public String endpoint(Target target) {
        return delegate.endpoint(target);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
