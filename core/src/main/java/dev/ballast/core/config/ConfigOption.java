package dev.ballast.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One typed configuration key: its name within its section, its type, its default and what it
 * means. Options are declared once as constants, read with {@link ConfigView#get(ConfigOption)},
 * and listed by providers so that docs can be generated from them.
 *
 * @param <T> the value type
 */
public final class ConfigOption<T> {

    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String description;

    private ConfigOption(String key, ValueType<T> type, T defaultValue, String description) {
        if (key == null || key.isBlank() || key.contains(".")) {
            throw new IllegalArgumentException(
                    "an option key is one non-blank name without dots, got '" + key + "'");
        }
        this.key = key;
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
    }

    /** An option that takes {@code defaultValue} when absent. */
    public static <T> ConfigOption<T> optional(
            String key, ValueType<T> type, T defaultValue, String description) {
        return new ConfigOption<>(
                key, type, Objects.requireNonNull(defaultValue, "defaultValue"), description);
    }

    /** An option with no default: reading it when absent is an error unless read as optional. */
    public static <T> ConfigOption<T> required(String key, ValueType<T> type, String description) {
        return new ConfigOption<>(key, type, null, description);
    }

    /** The key within its section, for example {@code timeout}. */
    public String key() {
        return key;
    }

    public ValueType<T> type() {
        return type;
    }

    /** The default, or empty for an option without one. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** One or two sentences for the configuration reference. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return key
                + " ("
                + type.description()
                + (defaultValue == null ? "" : ", default " + ValueType.render(defaultValue))
                + ")";
    }
}
