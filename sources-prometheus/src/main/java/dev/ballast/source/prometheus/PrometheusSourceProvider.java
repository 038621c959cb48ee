package dev.ballast.source.prometheus;

import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.MetricSourceProvider;
import dev.ballast.core.spi.ProviderContext;
import java.util.List;

/** Provides the {@code prometheus} metric source (config section {@code source.prometheus}). */
public final class PrometheusSourceProvider implements MetricSourceProvider {

    public static final String NAME = "prometheus";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetricSource create(ProviderContext context) {
        PrometheusSourceConfig config = PrometheusSourceConfig.from(context.config());
        return new PrometheusMetricSource(
                PrometheusClient.create(config, context.config().path()),
                config,
                context.clock(),
                context.interval());
    }

    @Override
    public List<ConfigOption<?>> options() {
        return PrometheusSourceConfig.OPTIONS;
    }
}
