package dev.ballast.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.observe.BallastMetrics;
import dev.ballast.app.observe.DecisionLog;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * Metrics (one simpleclient registry for Ballast's, Resilience4j's and the JVM's) and the decision
 * log.
 */
@Module
public final class ObservabilityModule {

    private ObservabilityModule() {}

    @Provides
    @Singleton
    static CollectorRegistry registry(
            AppConfig config, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        CollectorRegistry registry = new CollectorRegistry(true);
        DefaultExports.register(registry);
        PrometheusMeterRegistry meters =
                new PrometheusMeterRegistry(
                        PrometheusConfig.DEFAULT,
                        registry,
                        io.micrometer.core.instrument.Clock.SYSTEM);
        if (config.resilience().perEndpointMetrics()) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        }
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        new BreakerStates(breakers).register(registry);
        return registry;
    }

    @Provides
    @Singleton
    static BallastMetrics metrics(CollectorRegistry registry) {
        return new BallastMetrics(registry);
    }

    @Provides
    @Singleton
    static Optional<DecisionLog> decisionLog(AppConfig config) {
        String file = config.decisionsFile();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (file.equals("-")) {
            return Optional.of(
                    new DecisionLog(
                            new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false));
        }
        try {
            Writer out =
                    Files.newBufferedWriter(
                            Path.of(file),
                            StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
            return Optional.of(new DecisionLog(out, true));
        } catch (IOException e) {
            throw new dev.ballast.core.config.ConfigException(
                    "decisions.file", "'" + file + "' cannot be opened for writing: " + e);
        }
    }
}
