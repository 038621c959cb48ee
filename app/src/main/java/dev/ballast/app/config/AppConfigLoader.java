package dev.ballast.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ballast.app.resilience.ResilienceSettings;
import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigView;
import dev.ballast.core.config.MapConfigView;
import dev.ballast.core.policy.SafetySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the YAML config file into an {@link AppConfig}, checking every app-level key. */
public final class AppConfigLoader {

    /** Large static target lists are allowed: up to 64 MiB of YAML. */
    private static final ObjectMapper YAML =
            new ObjectMapper(YAMLFactory.builder().loaderOptions(largeDocuments()).build());

    private static org.yaml.snakeyaml.LoaderOptions largeDocuments() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return options;
    }

    private AppConfigLoader() {}

    /**
     * Reads and checks {@code file}.
     *
     * @throws ConfigException naming the key path, the value and what is allowed, or the file
     */
    public static AppConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("", "config file " + file + " cannot be read: " + e);
        }
        return parse(text, file.toString(), System.getenv());
    }

    /**
     * Environment variables that override a setting of the file (secrets-free settings only):
     * variable name to key path.
     */
    public static final Map<String, String> ENVIRONMENT_OVERRIDES =
            Map.of(
                    "BALLAST_INTERVAL", "interval",
                    "BALLAST_DRY_RUN", "dryRun",
                    "BALLAST_WORKERS", "workers",
                    "BALLAST_SERVER_PORT", "server.port",
                    "BALLAST_DECISIONS_FILE", "decisions.file");

    /**
     * Reads and checks YAML text without environment overrides; {@code source} names it in errors.
     */
    public static AppConfig parse(String text, String source) {
        return parse(text, source, Map.of());
    }

    /**
     * Reads and checks YAML text, then applies {@link #ENVIRONMENT_OVERRIDES} found in {@code env}.
     */
    @SuppressWarnings("unchecked")
    public static AppConfig parse(String text, String source, Map<String, String> env) {
        Object tree;
        try {
            tree = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(
                    "", source + " is not valid YAML: " + e.getOriginalMessage() + locate(e));
        }
        if (tree == null) {
            tree = Map.of();
        }
        if (!(tree instanceof Map)) {
            throw new ConfigException(
                    "", source + " must hold a YAML mapping at the top, got " + tree);
        }
        Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) tree);
        ENVIRONMENT_OVERRIDES.forEach(
                (variable, keyPath) -> {
                    String value = env.get(variable);
                    if (value != null && !value.isBlank()) {
                        override(values, keyPath, value.trim());
                    }
                });
        MapConfigView root = MapConfigView.root(values);
        Duration interval = root.get(AppOptions.INTERVAL);
        ConfigView safety = root.section("safety");
        ConfigView fallback = safety.section("fallback");
        SafetySettings safetySettings =
                new SafetySettings(
                        true,
                        safety.get(AppOptions.WARMUP_SAMPLES),
                        safety.getOptional(AppOptions.STARTUP_GRACE).orElse(interval),
                        fallback.get(AppOptions.FALLBACK_AFTER),
                        fallback.get(AppOptions.FALLBACK_REPLICAS));
        ResilienceSettings resilience =
                ResilienceSettings.from(root.section("resilience"), interval);
        return new AppConfig(
                root,
                interval,
                root.get(AppOptions.DRY_RUN),
                root.get(AppOptions.WORKERS),
                root.section("source").get(AppOptions.TYPE),
                root.section("discovery").get(AppOptions.TYPE),
                root.section("actuator").get(AppOptions.TYPE),
                resilience,
                safetySettings,
                root.section("decisions").get(AppOptions.DECISIONS_FILE),
                root.section("server").get(AppOptions.SERVER_PORT));
    }

    @SuppressWarnings("unchecked")
    private static void override(Map<String, Object> values, String keyPath, String value) {
        String[] parts = keyPath.split("\\.");
        Map<String, Object> section = values;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = section.get(parts[i]);
            Map<String, Object> copy =
                    child instanceof Map
                            ? new LinkedHashMap<>((Map<String, Object>) child)
                            : new LinkedHashMap<>();
            section.put(parts[i], copy);
            section = copy;
        }
        section.put(parts[parts.length - 1], value);
    }

    /**
     * Rejects every key that no one read, once the providers have read their sections.
     *
     * @throws ConfigException naming the first unknown key (and how many there are)
     */
    public static void rejectUnknownKeys(AppConfig config) {
        var unread = config.root().unreadKeys();
        if (!unread.isEmpty()) {
            String first = unread.iterator().next();
            throw new ConfigException(
                    first,
                    "unknown key"
                            + (unread.size() > 1
                                    ? " (also unknown: "
                                            + String.join(", ", unread.stream().skip(1).toList())
                                            + ")"
                                    : "")
                            + "; see docs/configuration.md for the keys allowed");
        }
    }

    private static String locate(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()
                        + ")";
    }
}
