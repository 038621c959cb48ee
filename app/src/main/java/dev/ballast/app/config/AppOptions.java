package dev.ballast.app.config;

import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ValueType;
import java.time.Duration;
import java.util.List;

/** Every app-level configuration key, with its type, default and meaning. */
public final class AppOptions {

    private AppOptions() {}

    public static final ConfigOption<Duration> INTERVAL =
            ConfigOption.optional(
                    "interval",
                    ValueType.duration(Duration.ofMillis(100), Duration.ofHours(1)),
                    Duration.ofSeconds(30),
                    "How often every target is evaluated (Numaflow: 30s).");
    public static final ConfigOption<Boolean> DRY_RUN =
            ConfigOption.optional(
                    "dryRun",
                    ValueType.bool(),
                    false,
                    "Advisor mode: decide and report everything, change nothing.");
    public static final ConfigOption<Integer> WORKERS =
            ConfigOption.optional(
                    "workers",
                    ValueType.integer(1, 1024),
                    4,
                    "Threads that evaluate targets (reads are asynchronous and do not hold one).");
    public static final ConfigOption<String> TYPE =
            ConfigOption.required(
                    "type",
                    ValueType.string(),
                    "The provider's name, for example daemon or kubernetes.");
    public static final ConfigOption<String> DECISIONS_FILE =
            ConfigOption.optional(
                    "file",
                    ValueType.string(),
                    "-",
                    "Where the decision log (JSON lines) goes: a file path, - for standard output,"
                            + " or an empty string for none.");
    public static final ConfigOption<Integer> SERVER_PORT =
            ConfigOption.optional(
                    "port",
                    ValueType.integer(-1, 65535),
                    9090,
                    "Port of /metrics, /healthz and /readyz (0 = any free port, -1 = no server).");

    // safety
    public static final ConfigOption<Integer> WARMUP_SAMPLES =
            ConfigOption.optional(
                    "warmupSamples",
                    ValueType.integer(0, 100),
                    2,
                    "After signals were unknown, this many known readings may scale up but not"
                            + " down.");
    public static final ConfigOption<Duration> STARTUP_GRACE =
            ConfigOption.required(
                    "startupGrace",
                    ValueType.duration(Duration.ZERO, Duration.ofHours(1)),
                    "No scale-down until this long after start (default: one interval).");
    public static final ConfigOption<Integer> FALLBACK_AFTER =
            ConfigOption.optional(
                    "after",
                    ValueType.integer(0, 1_000_000),
                    0,
                    "After this many evaluations in a row with unknown signals, step up toward"
                            + " fallback.replicas (0 = off).");
    public static final ConfigOption<Integer> FALLBACK_REPLICAS =
            ConfigOption.optional(
                    "replicas",
                    ValueType.integer(0, 100_000),
                    0,
                    "The replica count the fallback steps up toward; never a reason to go down.");

    /** The app's own top-level keys, for the configuration reference. */
    public static final List<ConfigOption<?>> TOP_LEVEL = List.of(INTERVAL, DRY_RUN, WORKERS);
}
