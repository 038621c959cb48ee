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

    /**
     * Whether Ballast runs in dry-run (advisor) mode, where nothing is changed: an actuator then
     * needs no leader lease, for example. The default is false.
     */
    default boolean dryRun() {
        return false;
    }

    /**
     * How often the control loop evaluates each target, for components that cache per interval (a
     * batching metric source, for example). The default is Numaflow's 30 seconds.
     */
    default java.time.Duration interval() {
        return java.time.Duration.ofSeconds(30);
    }

    /** A context over {@code config} and {@code clock}, not in dry-run mode. */
    static ProviderContext of(ConfigView config, Clock clock) {
        return of(config, clock, false);
    }

    /** A context over {@code config} and {@code clock}, in dry-run mode or not. */
    static ProviderContext of(ConfigView config, Clock clock, boolean dryRun) {
        return of(config, clock, dryRun, java.time.Duration.ofSeconds(30));
    }

    /** A context with every setting given. */
    static ProviderContext of(
            ConfigView config, Clock clock, boolean dryRun, java.time.Duration interval) {
        Objects.requireNonNull(interval, "interval");
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
            public boolean dryRun() {
                return dryRun;
            }

            @Override
            public java.time.Duration interval() {
                return interval;
            }

            @Override
            public String toString() {
                return "ProviderContext{" + config.path() + "}";
            }
        };
    }
}
