package dev.ballast.app.config;

import dev.ballast.app.resilience.ResilienceSettings;
import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ValueType;
import dev.ballast.core.spi.ActuatorProvider;
import dev.ballast.core.spi.MetricSourceProvider;
import dev.ballast.core.spi.TargetDiscoveryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Writes the configuration reference (docs/configuration.md) from the options declared in code, so
 * that the document cannot drift from what the app accepts.
 */
public final class ConfigReference {

    private ConfigReference() {}

    /** The reference as markdown. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append(
                        "Generated from the options declared in code (`ConfigReference`); a test"
                                + " keeps")
                .append(" this file equal to it.\nRegenerate with `mvn -pl app test")
                .append(" -Dtest=ConfigReferenceTest -Dballast.writeDocs=true`.\n\n")
                .append(
                        "One YAML file, given with `--config`. Durations are written `500ms`,"
                                + " `5s`,")
                .append(
                        " `2m`, `1h`. Unknown keys and bad values stop the app at start (exit code"
                                + " 2)")
                .append(
                        " with the key path, the value and what is allowed; `ballast validate"
                                + " --config")
                .append(" FILE` checks a file without running.\n\n")
                .append("Environment variables override these settings of the file: ");
        java.util.List<String> overrides = new java.util.ArrayList<>();
        new java.util.TreeMap<>(AppConfigLoader.ENVIRONMENT_OVERRIDES)
                .forEach((variable, key) -> overrides.add("`" + variable + "` (`" + key + "`)"));
        out.append(String.join(", ", overrides)).append(".\n\n");
        section(out, "(top level)", "", AppOptions.TOP_LEVEL);
        section(out, "source", "source.", List.of(AppOptions.TYPE));
        section(out, "discovery", "discovery.", List.of(AppOptions.TYPE));
        section(out, "actuator", "actuator.", List.of(AppOptions.TYPE));
        section(out, "decisions", "decisions.", List.of(AppOptions.DECISIONS_FILE));
        section(out, "server", "server.", List.of(AppOptions.SERVER_PORT));
        section(
                out,
                "safety",
                "safety.",
                List.of(AppOptions.WARMUP_SAMPLES, AppOptions.STARTUP_GRACE));
        section(
                out,
                "safety.fallback",
                "safety.fallback.",
                List.of(AppOptions.FALLBACK_AFTER, AppOptions.FALLBACK_REPLICAS));
        section(out, "resilience.retry", "resilience.retry.", ResilienceSettings.RETRY_OPTIONS);
        section(
                out,
                "resilience.circuitBreaker",
                "resilience.circuitBreaker.",
                ResilienceSettings.CIRCUIT_BREAKER_OPTIONS);
        TreeMap<String, List<ConfigOption<?>>> providers = new TreeMap<>();
        ServiceLoader.load(MetricSourceProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(ConfigReference::ours)
                .forEach(p -> providers.put("source." + p.name(), p.options()));
        ServiceLoader.load(TargetDiscoveryProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(ConfigReference::ours)
                .forEach(p -> providers.put("discovery." + p.name(), p.options()));
        ServiceLoader.load(ActuatorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(ConfigReference::ours)
                .forEach(
                        p -> {
                            providers.put("actuator." + p.name(), p.options());
                            if (p instanceof dev.ballast.k8s.KubernetesActuatorProvider) {
                                providers.put(
                                        "actuator." + p.name() + ".leaderElection",
                                        ((dev.ballast.k8s.KubernetesActuatorProvider) p)
                                                .leaderElectionOptions());
                            }
                        });
        providers.forEach(
                (path, options) -> {
                    if (!options.isEmpty()) {
                        section(out, path, path + ".", options);
                    }
                });
        out.append("## discovery.static\n\n")
                .append(
                        "A list of targets, each `{namespace, name, replicas, scale}`: `replicas`"
                                + " is")
                .append(
                        " where the memory actuator starts (default 1); `scale` takes every field"
                                + " of")
                .append(" Numaflow's `spec.scale` with Numaflow's defaults (`min` 0, `max` 50,")
                .append(" `lookbackSeconds` 120, `scaleUpCooldownSeconds` 90,")
                .append(" `scaleDownCooldownSeconds` 90, `zeroReplicaSleepSeconds` 120,")
                .append(" `targetProcessingSeconds` 20, `targetBufferAvailability` 50,")
                .append(" `replicasPerScaleUp`/`replicasPerScaleDown` 2 or the deprecated")
                .append(
                        " `replicasPerScale`, `cron: {timezone, schedules: [{start, end, min,"
                                + " max}]}`),")
                .append(" plus `disabled` (Ballast leaves the target alone).\n");
        return out.toString();
    }

    /** Ballast's own providers; third-party ones document themselves. */
    private static boolean ours(Object provider) {
        return provider.getClass().getName().startsWith("dev.ballast.");
    }

    private static void section(
            StringBuilder out, String title, String prefix, List<ConfigOption<?>> options) {
        out.append("## ").append(title).append("\n\n");
        out.append("| key | allowed | default | meaning |\n|---|---|---|---|\n");
        List<ConfigOption<?>> sorted = new ArrayList<>(options);
        for (ConfigOption<?> option : sorted) {
            out.append("| `")
                    .append(prefix)
                    .append(option.key())
                    .append("` | ")
                    .append(option.type().description())
                    .append(" | ")
                    .append(
                            option.defaultValue()
                                    .map(v -> "`" + ValueType.render(v) + "`")
                                    .orElse("none"))
                    .append(" | ")
                    .append(option.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        out.append('\n');
    }
}
