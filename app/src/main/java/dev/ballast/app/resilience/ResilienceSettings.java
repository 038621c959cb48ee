package dev.ballast.app.resilience;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ConfigView;
import dev.ballast.core.config.ValueType;
import java.time.Duration;
import java.util.List;

/**
 * How every metric source call is protected (config section {@code resilience}).
 *
 * @param maxAttempts attempts per read, the first included, for transient failures only
 * @param initialBackoff wait before the second attempt, doubled for each further one
 * @param failureRateThreshold percent of failed calls that opens an endpoint's circuit
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls needed before the failure rate counts
 * @param openFor how long an open circuit refuses calls before letting one through
 */
public record ResilienceSettings(
        int maxAttempts,
        Duration initialBackoff,
        int failureRateThreshold,
        int slidingWindowSize,
        int minimumCalls,
        Duration openFor,
        boolean perEndpointMetrics) {

    static final ConfigOption<Integer> MAX_ATTEMPTS =
            ConfigOption.optional(
                    "maxAttempts",
                    ValueType.integer(1, 10),
                    3,
                    "Attempts per read (the first included), for transient failures only: refused"
                            + " or reset connections, 429 or 5xx (not timeouts).");
    static final ConfigOption<Duration> INITIAL_BACKOFF =
            ConfigOption.optional(
                    "initialBackoff",
                    ValueType.duration(Duration.ZERO, Duration.ofMinutes(1)),
                    Duration.ofMillis(200),
                    "Wait before the second attempt, doubled for each further one.");
    static final ConfigOption<Integer> FAILURE_RATE =
            ConfigOption.optional(
                    "failureRateThreshold",
                    ValueType.integer(1, 100),
                    50,
                    "Percent of failed calls to one endpoint that opens its circuit.");
    static final ConfigOption<Integer> WINDOW =
            ConfigOption.optional(
                    "slidingWindowSize",
                    ValueType.integer(1, 1000),
                    5,
                    "Calls to one endpoint the failure rate is computed over.");
    static final ConfigOption<Integer> MINIMUM_CALLS =
            ConfigOption.optional(
                    "minimumCalls",
                    ValueType.integer(1, 1000),
                    3,
                    "Calls to one endpoint before its failure rate counts.");
    static final ConfigOption<Duration> OPEN_FOR =
            ConfigOption.optional(
                    "openFor",
                    ValueType.duration(Duration.ofMillis(10), Duration.ofHours(1)),
                    Duration.ofSeconds(30),
                    "How long an open circuit refuses calls (reading as unknown, CIRCUIT_OPEN)"
                            + " before letting a trial call through.");

    /**
     * Every option: retry ones under resilience.retry, breaker ones under
     * resilience.circuitBreaker.
     */
    static final ConfigOption<Boolean> PER_ENDPOINT_METRICS =
            ConfigOption.optional(
                    "perEndpointMetrics",
                    ValueType.bool(),
                    false,
                    "Export Resilience4j's metrics for every endpoint's breaker (one set per"
                            + " daemon: thousands of series with many targets). Off, only"
                            + " ballast_circuit_breakers{state} counts them.");

    public static final List<ConfigOption<?>> RETRY_OPTIONS =
            List.of(MAX_ATTEMPTS, INITIAL_BACKOFF);

    public static final List<ConfigOption<?>> CIRCUIT_BREAKER_OPTIONS =
            List.of(FAILURE_RATE, WINDOW, MINIMUM_CALLS, OPEN_FOR, PER_ENDPOINT_METRICS);

    /**
     * Reads {@code resilience.retry} and {@code resilience.circuitBreaker}.
     *
     * @throws ConfigException if the retries' waits alone would not fit in {@code interval}
     */
    public static ResilienceSettings from(ConfigView resilience, Duration interval) {
        ConfigView retry = resilience.section("retry");
        ConfigView breaker = resilience.section("circuitBreaker");
        int attempts = retry.get(MAX_ATTEMPTS);
        Duration backoff = retry.get(INITIAL_BACKOFF);
        Duration waits = backoff.multipliedBy((1L << (attempts - 1)) - 1);
        if (waits.compareTo(interval) >= 0) {
            throw new ConfigException(
                    retry.path() + "." + INITIAL_BACKOFF.key(),
                    "'"
                            + backoff.toMillis()
                            + "ms' is not valid; with maxAttempts "
                            + attempts
                            + " the waits add up to "
                            + waits.toMillis()
                            + "ms, which must be below interval ("
                            + interval.toMillis()
                            + "ms)");
        }
        int window = breaker.get(WINDOW);
        int minimum = breaker.get(MINIMUM_CALLS);
        return new ResilienceSettings(
                attempts,
                backoff,
                breaker.get(FAILURE_RATE),
                window,
                Math.min(minimum, window),
                breaker.get(OPEN_FOR),
                breaker.get(PER_ENDPOINT_METRICS));
    }

    /** The defaults. */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(
                3, Duration.ofMillis(200), 50, 10, 5, Duration.ofSeconds(30), false);
    }
}
