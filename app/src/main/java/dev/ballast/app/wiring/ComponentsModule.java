package dev.ballast.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.local.MemoryActuator;
import dev.ballast.app.local.StaticTargetDiscovery;
import dev.ballast.app.observe.BallastMetrics;
import dev.ballast.app.resilience.ResilientMetricSource;
import dev.ballast.core.spi.Actuator;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.ProviderContext;
import dev.ballast.core.spi.TargetDiscovery;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.inject.Singleton;

/** The pluggable parts, found with ServiceLoader by their names in the config. */
@Module
public final class ComponentsModule {

    private ComponentsModule() {}

    private static ProviderContext context(
            AppConfig config, Clock clock, String kind, String name) {
        return ProviderContext.of(
                ProviderRegistry.sectionFor(config.root(), kind, name),
                clock,
                config.dryRun(),
                config.interval());
    }

    @Provides
    @Singleton
    static TargetDiscovery discovery(AppConfig config, Clock clock) {
        return ProviderRegistry.discovery(config.discoveryType())
                .create(context(config, clock, "discovery", config.discoveryType()));
    }

    @Provides
    @Singleton
    static Actuator actuator(AppConfig config, Clock clock, TargetDiscovery discovery) {
        Actuator actuator =
                ProviderRegistry.actuator(config.actuatorType())
                        .create(context(config, clock, "actuator", config.actuatorType()));
        if (actuator instanceof MemoryActuator && discovery instanceof StaticTargetDiscovery) {
            MemoryActuator memory = (MemoryActuator) actuator;
            ((StaticTargetDiscovery) discovery).initialReplicas().forEach(memory::seed);
        }
        return actuator;
    }

    @Provides
    @Singleton
    static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer =
                new ScheduledThreadPoolExecutor(
                        1,
                        r -> {
                            Thread t = new Thread(r, "ballast-timer");
                            t.setDaemon(true);
                            return t;
                        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Provides
    @Singleton
    static CircuitBreakerRegistry breakers(AppConfig config) {
        return CircuitBreakerRegistry.of(ResilientMetricSource.breakerConfig(config.resilience()));
    }

    @Provides
    @Singleton
    static RetryRegistry retries() {
        return RetryRegistry.ofDefaults();
    }

    @Provides
    @Singleton
    static MetricSource source(
            AppConfig config,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            ScheduledExecutorService timer,
            BallastMetrics metrics) {
        MetricSource raw =
                ProviderRegistry.source(config.sourceType())
                        .create(context(config, clock, "source", config.sourceType()));
        return new ResilientMetricSource(
                raw, config.resilience(), breakers, retries, timer, metrics::sourceCall);
    }
}
