package dev.ballast.core.spi;

import dev.ballast.core.config.ConfigView;
import java.time.Clock;
import java.util.Objects;

/** What a provider is given to create its component. */
public interface ProviderContext {

    /**
     * The provider's own configuration section, for example {@code source.daemon} for the metric
     * source provider named {@code daemon}. Keys the provider does not read are rejected by the app
     * as unknown.
     */
    ConfigView config();

    /** The clock to read time from; tests pass a fixed or virtual one. */
    Clock clock();

    /** A context over {@code config} and {@code clock}. */
    static ProviderContext of(ConfigView config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new ProviderContext() {
            @Override
            public ConfigView config() {
                return config;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public String toString() {
                return "ProviderContext{" + config.path() + "}";
            }
        };
    }
}
