package dev.ballast.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How a raw config value (a string, number, boolean or list, as YAML gives them) becomes a typed
 * one, and how to describe what is allowed.
 *
 * @param <T> the typed value
 */
public final class ValueType<T> {

    private final String description;
    private final Function<Object, T> parser;

    private ValueType(String description, Function<Object, T> parser) {
        this.description = description;
        this.parser = parser;
    }

    /** Any text. */
    public static ValueType<String> string() {
        return new ValueType<>("a string", raw -> requireScalar(raw, "a string").toString());
    }

    /** {@code true} or {@code false}. */
    public static ValueType<Boolean> bool() {
        return new ValueType<>(
                "true or false",
                raw -> {
                    String text = requireScalar(raw, "true or false").toString();
                    if ("true".equalsIgnoreCase(text)) {
                        return true;
                    }
                    if ("false".equalsIgnoreCase(text)) {
                        return false;
                    }
                    throw new IllegalArgumentException("expected true or false");
                });
    }

    /** A whole number within {@code [min, max]}. */
    public static ValueType<Integer> integer(int min, int max) {
        String description = "a whole number from " + min + " to " + max;
        return new ValueType<>(
                description,
                raw -> {
                    long value = parseLong(requireScalar(raw, description), description);
                    if (value < min || value > max) {
                        throw new IllegalArgumentException("expected " + description);
                    }
                    return (int) value;
                });
    }

    /** A number (decimals allowed) within {@code [min, max]}. */
    public static ValueType<Double> decimal(double min, double max) {
        String description = "a number from " + min + " to " + max;
        return new ValueType<>(
                description,
                raw -> {
                    Object scalar = requireScalar(raw, description);
                    double value;
                    try {
                        value = Double.parseDouble(scalar.toString().trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected " + description);
                    }
                    if (!(value >= min && value <= max)) {
                        throw new IllegalArgumentException("expected " + description);
                    }
                    return value;
                });
    }

    /** A duration such as {@code 500ms}, {@code 5s} or {@code 2m}, within {@code [min, max]}. */
    public static ValueType<Duration> duration(Duration min, Duration max) {
        String description =
                Durations.FORMAT
                        + ", from "
                        + Durations.format(min)
                        + " to "
                        + Durations.format(max);
        return new ValueType<>(
                description,
                raw -> {
                    Duration value;
                    try {
                        value = Durations.parse(requireScalar(raw, description).toString());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("expected " + description);
                    }
                    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                        throw new IllegalArgumentException("expected " + description);
                    }
                    return value;
                });
    }

    /** One of the given words (compared without regard to case, returned as listed). */
    public static ValueType<String> oneOf(Set<String> allowed) {
        Set<String> sorted = new TreeSet<>(allowed);
        String description = "one of " + String.join(", ", sorted);
        return new ValueType<>(
                description,
                raw -> {
                    String text = requireScalar(raw, description).toString();
                    for (String candidate : sorted) {
                        if (candidate.equalsIgnoreCase(text)) {
                            return candidate;
                        }
                    }
                    throw new IllegalArgumentException("expected " + description);
                });
    }

    /** A list of strings; a single string counts as a list of one. */
    public static ValueType<List<String>> stringList() {
        return new ValueType<>(
                "a list of strings",
                raw -> {
                    if (raw instanceof List<?>) {
                        List<String> values = new ArrayList<>();
                        for (Object item : (List<?>) raw) {
                            values.add(requireScalar(item, "a list of strings").toString());
                        }
                        return Collections.unmodifiableList(values);
                    }
                    return List.of(requireScalar(raw, "a list of strings").toString());
                });
    }

    /** What values are allowed, for error messages and docs. */
    public String description() {
        return description;
    }

    /**
     * Converts a raw value.
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public T parse(Object raw) {
        return parser.apply(Objects.requireNonNull(raw, "raw"));
    }

    /** How a typed value is written in a config file, for docs and defaults. */
    public static String render(Object value) {
        if (value instanceof Duration) {
            return Durations.format((Duration) value);
        }
        return String.valueOf(value);
    }

    private static Object requireScalar(Object raw, String expected) {
        if (raw == null) {
            throw new IllegalArgumentException("expected " + expected + ", got an empty item");
        }
        if (raw instanceof java.util.Map || raw instanceof List) {
            throw new IllegalArgumentException("expected " + expected + ", got a nested section");
        }
        return raw;
    }

    private static long parseLong(Object raw, String expected) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        try {
            return Long.parseLong(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }
}
