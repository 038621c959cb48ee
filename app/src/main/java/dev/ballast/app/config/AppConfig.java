package dev.ballast.app.config;

import dev.ballast.app.resilience.ResilienceSettings;
import dev.ballast.core.config.MapConfigView;
import dev.ballast.core.loop.LoopSettings;
import dev.ballast.core.policy.SafetySettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The app's settings, read and checked from one YAML file. The provider sections ({@code
 * source.<type>}, {@code discovery.<type>}, {@code actuator.<type>}) are read by the providers
 * themselves from {@link #root()}.
 *
 * @param root the whole file, for the providers and the unknown-key check
 * @param interval how often every target is evaluated
 * @param dryRun decide and report everything, change nothing
 * @param workers threads that evaluate targets
 * @param sourceType the metric source provider's name
 * @param discoveryType the discovery provider's name
 * @param actuatorType the actuator provider's name
 * @param resilience retry and circuit breaker settings for every source call
 * @param safety Ballast's safety rules
 * @param decisionsFile where the decision log goes ({@code -} for stdout, empty for none)
 * @param serverPort port of the metrics and health server (0 = any free port, -1 = none)
 */
public record AppConfig(
        MapConfigView root,
        Duration interval,
        boolean dryRun,
        int workers,
        String sourceType,
        String discoveryType,
        String actuatorType,
        ResilienceSettings resilience,
        SafetySettings safety,
        String decisionsFile,
        int serverPort) {

    public AppConfig {
        Objects.requireNonNull(root, "root");
    }

    /** The same settings with dry-run forced on (as by {@code run --dry-run}). */
    public AppConfig withDryRun(boolean on) {
        return on
                ? new AppConfig(
                        root,
                        interval,
                        true,
                        workers,
                        sourceType,
                        discoveryType,
                        actuatorType,
                        resilience,
                        safety,
                        decisionsFile,
                        serverPort)
                : this;
    }

    /** The control loop's settings. */
    public LoopSettings loopSettings() {
        return new LoopSettings(interval, interval, dryRun, Duration.ofSeconds(5));
    }
}
