package dev.ballast.source.prometheus;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.spi.MetricSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads rate and pending from Prometheus. In batch mode (the default) one query per signal answers
 * every target for an interval: the first read of an interval fetches, the others share the answer,
 * so queries per interval do not grow with targets. Otherwise each target has its own queries.
 */
public final class PrometheusMetricSource implements MetricSource {

    private final PrometheusClient client;
    private final PrometheusSourceConfig config;
    private final Clock clock;
    private final Duration batchMaxAge;
    private final Map<Integer, Batch> batches = new HashMap<>();
    private final AtomicLong queries = new AtomicLong();

    PrometheusMetricSource(
            PrometheusClient client,
            PrometheusSourceConfig config,
            Clock clock,
            Duration interval) {
        this.client = client;
        this.config = config;
        this.clock = clock;
        // Just under the interval: one fetch per interval, and a fresh one at the next.
        this.batchMaxAge = interval.multipliedBy(99).dividedBy(100);
    }

    @Override
    public CompletionStage<Readings> read(Target target) {
        int lookback = target.scale().lookbackSeconds();
        if (config.batch()) {
            return batch(lookback).thenApply(b -> b.readingsFor(target.ref()));
        }
        CompletableFuture<QueryResult> rate =
                query(config.rateQuery().forTarget(target.ref(), lookback));
        CompletableFuture<QueryResult> pending =
                query(config.pendingQuery().forTarget(target.ref(), lookback));
        CompletableFuture<QueryResult> fresh =
                query(config.freshnessQuery().forTarget(target.ref(), lookback));
        return CompletableFuture.allOf(rate, pending, fresh)
                .thenApply(
                        v -> {
                            Instant now = clock.instant();
                            List<String> warnings = new ArrayList<>();
                            warnings.addAll(rate.join().warnings());
                            warnings.addAll(pending.join().warnings());
                            return SignalReadings.combine(
                                    SignalReadings.reading(values(rate.join()), "rate", true, now),
                                    SignalReadings.reading(
                                            values(pending.join()), "pending", false, now),
                                    newest(values(fresh.join())),
                                    warnings,
                                    now,
                                    config.staleAfter());
                        });
    }

    /** Queries sent so far (for tests and benchmarks). */
    public long queriesSent() {
        return queries.get();
    }

    @Override
    public String endpoint(Target target) {
        return client.endpoint().toString();
    }

    @Override
    public void close() {
        client.close();
    }

    private CompletableFuture<QueryResult> query(String promql) {
        queries.incrementAndGet();
        return client.query(promql);
    }

    private synchronized CompletableFuture<Batch> batch(int lookback) {
        Instant now = clock.instant();
        Batch current = batches.get(lookback);
        if (current != null && current.usableAt(now)) {
            return current.answer;
        }
        CompletableFuture<QueryResult> rate = query(config.batchRateQuery().forAll(lookback));
        CompletableFuture<QueryResult> pending = query(config.batchPendingQuery().forAll(lookback));
        CompletableFuture<QueryResult> fresh = query(config.batchFreshnessQuery().forAll(lookback));
        Batch next = new Batch(now);
        next.answer =
                CompletableFuture.allOf(rate, pending, fresh)
                        .thenApply(v -> next.fill(rate.join(), pending.join(), fresh.join()));
        batches.put(lookback, next);
        return next.answer;
    }

    private static List<Double> values(QueryResult result) {
        List<Double> values = new ArrayList<>(result.samples().size());
        for (QueryResult.Sample s : result.samples()) {
            values.add(s.value());
        }
        return values;
    }

    private static OptionalDouble newest(List<Double> timestamps) {
        return timestamps.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max();
    }

    /** One interval's answers for every target, by {@code namespace/name}. */
    private final class Batch {
        final Instant fetchedAt;
        CompletableFuture<Batch> answer;
        private Map<String, List<Double>> rates;
        private Map<String, List<Double>> pendings;
        private Map<String, List<Double>> freshness;
        private List<String> warnings;
        private Instant observedAt;

        Batch(Instant fetchedAt) {
            this.fetchedAt = fetchedAt;
        }

        boolean usableAt(Instant now) {
            Duration age = Duration.between(fetchedAt, now);
            if (answer.isCompletedExceptionally()) {
                // Asked again at the next read: retries and the circuit breaker (one endpoint)
                // decide how often a failing server is asked.
                return false;
            }
            return age.compareTo(batchMaxAge) < 0;
        }

        Batch fill(QueryResult rate, QueryResult pending, QueryResult fresh) {
            rates = byTarget(rate);
            pendings = byTarget(pending);
            freshness = byTarget(fresh);
            warnings = new ArrayList<>(rate.warnings());
            warnings.addAll(pending.warnings());
            observedAt = clock.instant();
            return this;
        }

        Readings readingsFor(TargetRef ref) {
            String key = ref.key();
            Reading rate =
                    SignalReadings.reading(
                            rates.getOrDefault(key, List.of()), "rate", true, observedAt);
            Reading pending =
                    SignalReadings.reading(
                            pendings.getOrDefault(key, List.of()), "pending", false, observedAt);
            return SignalReadings.combine(
                    rate,
                    pending,
                    newest(freshness.getOrDefault(key, List.of())),
                    warnings,
                    clock.instant(),
                    config.staleAfter());
        }

        private Map<String, List<Double>> byTarget(QueryResult result) {
            Map<String, List<Double>> map = new HashMap<>(result.samples().size() * 2);
            for (QueryResult.Sample s : result.samples()) {
                String ns = s.labels().get(config.namespaceLabel());
                String name = s.labels().get(config.nameLabel());
                if (ns != null && name != null) {
                    map.computeIfAbsent(ns + "/" + name, k -> new ArrayList<>(1)).add(s.value());
                }
            }
            return map;
        }
    }
}
