package dev.ballast.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations in the config file's form: a whole number and a unit, as in {@code
 * 500ms}, {@code 5s}, {@code 2m}, {@code 1h}.
 */
public final class Durations {

    /** What {@link #parse(String)} accepts, for error messages and docs. */
    public static final String FORMAT = "a duration such as 500ms, 5s, 2m or 1h";

    private static final Pattern PATTERN = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)");

    private Durations() {}

    /**
     * Parses {@code 500ms}, {@code 5s}, {@code 2m} or {@code 1h}.
     *
     * @throws IllegalArgumentException naming the text and the accepted form
     */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no duration given; expected " + FORMAT);
        }
        Matcher m = PATTERN.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; expected " + FORMAT);
        }
        long amount = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            default:
                return Duration.ofHours(amount);
        }
    }

    /** The shortest text {@link #parse(String)} reads back as {@code duration}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
