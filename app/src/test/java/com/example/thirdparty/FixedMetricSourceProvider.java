package com.example.thirdparty;

import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ValueType;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.MetricSourceProvider;
import dev.ballast.core.spi.ProviderContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A third-party source defined only in test code and registered in the test class path's
 * META-INF/services: proves that a jar adds a source without changes to Ballast.
 */
public final class FixedMetricSourceProvider implements MetricSourceProvider {

    static final ConfigOption<Double> RATE =
            ConfigOption.optional("rate", ValueType.decimal(0, 1e9), 10.0, "Rate to report.");
    static final ConfigOption<Integer> PENDING =
            ConfigOption.optional(
                    "pending", ValueType.integer(0, Integer.MAX_VALUE), 0, "Pending to report.");

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public MetricSource create(ProviderContext context) {
        double rate = context.config().get(RATE);
        int pending = context.config().get(PENDING);
        return target ->
                CompletableFuture.completedFuture(
                        Readings.of(
                                Reading.known(rate, context.clock().instant()),
                                Reading.known(pending, context.clock().instant())));
    }

    @Override
    public List<ConfigOption<?>> options() {
        return List.of(RATE, PENDING);
    }
}
