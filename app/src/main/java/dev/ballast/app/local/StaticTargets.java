package dev.ballast.app.local;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ConfigView;
import dev.ballast.core.config.ValueType;
import dev.ballast.core.cron.CronExpression;
import dev.ballast.core.model.CronScaling;
import dev.ballast.core.model.CronWindow;
import dev.ballast.core.model.InvalidSpecException;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads {@code discovery.static}: a list of {@code {namespace, name, replicas, scale: {...}}} with
 * every Numaflow {@code spec.scale} field, cron windows included.
 */
final class StaticTargets {

    static final ConfigOption<String> NAMESPACE =
            ConfigOption.required("namespace", ValueType.string(), "The target's namespace.");
    static final ConfigOption<String> NAME =
            ConfigOption.required("name", ValueType.string(), "The MonoVertex's name.");
    static final ConfigOption<Integer> REPLICAS =
            ConfigOption.optional(
                    "replicas",
                    ValueType.integer(0, 100_000),
                    1,
                    "Initial replicas, for the memory actuator.");
    static final ConfigOption<Boolean> DISABLED =
            ConfigOption.optional("disabled", ValueType.bool(), false, "Leave the target alone.");
    static final ConfigOption<String> CRON_START =
            ConfigOption.required("start", ValueType.string(), "6-field cron: the window opens.");
    static final ConfigOption<String> CRON_END =
            ConfigOption.required("end", ValueType.string(), "6-field cron: the window closes.");
    static final ConfigOption<String> TIMEZONE =
            ConfigOption.optional(
                    "timezone", ValueType.string(), "UTC", "Time zone of the windows.");

    /** One static target and the replicas it starts with. */
    record Entry(Target target, int replicas) {}

    private StaticTargets() {}

    /**
     * Reads every entry.
     *
     * @throws ConfigException naming the entry's key path and the bad value
     */
    static List<Entry> read(List<ConfigView> entries) {
        List<Entry> result = new ArrayList<>();
        Map<TargetRef, String> seen = new LinkedHashMap<>();
        for (ConfigView entry : entries) {
            TargetRef ref;
            try {
                ref = TargetRef.monoVertex(entry.get(NAMESPACE), entry.get(NAME));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(entry.path(), e.getMessage());
            }
            String previous = seen.put(ref, entry.path());
            if (previous != null) {
                throw new ConfigException(
                        entry.path(), ref.key() + " is listed twice (also at " + previous + ")");
            }
            ScaleSpec spec = scale(entry.section("scale"));
            result.add(new Entry(Target.of(ref, spec), entry.get(REPLICAS)));
        }
        return result;
    }

    private static ScaleSpec scale(ConfigView scale) {
        ScaleSpec.Builder builder = ScaleSpec.builder().disabled(scale.get(DISABLED));
        for (String field : ScaleSpec.INTEGER_FIELDS) {
            ConfigOption<Integer> option =
                    ConfigOption.required(
                            field,
                            ValueType.integer(Integer.MIN_VALUE, Integer.MAX_VALUE),
                            "spec.scale." + field);
            scale.getOptional(option).ifPresent(v -> builder.field(field, v));
        }
        if (scale.contains("cron")) {
            builder.cron(cron(scale.section("cron")));
        }
        try {
            return builder.build();
        } catch (InvalidSpecException e) {
            throw new ConfigException(scale.path(), e.getMessage());
        }
    }

    private static CronScaling cron(ConfigView cron) {
        ZoneId zone;
        String timezone = cron.get(TIMEZONE);
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new ConfigException(
                    cron.path() + ".timezone", "'" + timezone + "' is not a time zone");
        }
        List<CronWindow> windows = new ArrayList<>();
        for (ConfigView window : cron.sectionList("schedules")) {
            ConfigOption<Integer> min =
                    ConfigOption.required("min", ValueType.integer(0, 100_000), "Window min.");
            ConfigOption<Integer> max =
                    ConfigOption.required("max", ValueType.integer(0, 100_000), "Window max.");
            try {
                windows.add(
                        new CronWindow(
                                CronExpression.parse(window.get(CRON_START)),
                                CronExpression.parse(window.get(CRON_END)),
                                window.getOptional(min)
                                        .map(OptionalInt::of)
                                        .orElse(OptionalInt.empty()),
                                window.getOptional(max)
                                        .map(OptionalInt::of)
                                        .orElse(OptionalInt.empty())));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(window.path(), e.getMessage());
            }
        }
        return new CronScaling(zone, windows);
    }
}
