package dev.ballast.app.wiring;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ballast_circuit_breakers{state}}: how many metric source endpoints have their breaker in
 * each state. One series per state, however many endpoints (daemons) there are.
 */
final class BreakerStates extends Collector {

    private final CircuitBreakerRegistry breakers;

    BreakerStates(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        Map<CircuitBreaker.State, Integer> counts = new EnumMap<>(CircuitBreaker.State.class);
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            counts.put(state, 0);
        }
        breakers.getAllCircuitBreakers().forEach(b -> counts.merge(b.getState(), 1, Integer::sum));
        List<MetricFamilySamples.Sample> samples = new ArrayList<>();
        counts.forEach(
                (state, n) ->
                        samples.add(
                                new MetricFamilySamples.Sample(
                                        "ballast_circuit_breakers",
                                        List.of("state"),
                                        List.of(state.name().toLowerCase(Locale.ROOT)),
                                        n)));
        return List.of(
                new MetricFamilySamples(
                        "ballast_circuit_breakers",
                        Type.GAUGE,
                        "Metric source endpoints by circuit breaker state.",
                        samples));
    }
}
