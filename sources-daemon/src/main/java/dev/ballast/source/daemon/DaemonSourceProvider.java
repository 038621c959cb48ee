package dev.ballast.source.daemon;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.MetricSourceProvider;
import dev.ballast.core.spi.ProviderContext;
import java.io.IOException;
import java.util.List;

/** Provides the {@code daemon} metric source (config section {@code source.daemon}). */
public final class DaemonSourceProvider implements MetricSourceProvider {

    /** The name to use in {@code source.type}. */
    public static final String NAME = "daemon";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetricSource create(ProviderContext context) {
        DaemonSourceConfig config = DaemonSourceConfig.from(context.config());
        TokenFile token = null;
        if (config.bearerTokenFile().isPresent()) {
            try {
                token = new TokenFile(config.bearerTokenFile().get(), context.clock());
            } catch (IOException e) {
                throw new ConfigException(
                        context.config().pathOf(DaemonSourceConfig.BEARER_TOKEN_FILE),
                        "'"
                                + config.bearerTokenFile().get()
                                + "' cannot be read: "
                                + e.getMessage());
            }
        }
        return new DaemonMetricSource(
                new ShardedClients(
                        DaemonHttpClients.create(config, context.config()),
                        config.maxIdleConnections()),
                config.urlTemplate(),
                token,
                context.clock());
    }

    @Override
    public List<ConfigOption<?>> options() {
        return DaemonSourceConfig.OPTIONS;
    }
}
