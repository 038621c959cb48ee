package dev.ballast.core.cron;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the text of a cron expression into a {@link CronSchedule}, accepting and rejecting exactly
 * what robfig/cron v3's {@code Parser.Parse} does for {@code Second | Minute | Hour | Dom | Month |
 * Dow}. The error messages are our own; robfig's only decide whether a text is rejected.
 */
final class CronParser {

    /** Bounds and names of one field, in the order the fields are written. */
    private enum Field {
        SECOND("second", 0, 59, null, null),
        MINUTE("minute", 0, 59, null, null),
        HOUR("hour", 0, 23, null, null),
        DAY_OF_MONTH("day-of-month", 1, 31, null, null),
        MONTH(
                "month",
                1,
                12,
                new String[] {
                    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                    "dec"
                },
                "a month name (JAN-DEC)"),
        DAY_OF_WEEK(
                "day-of-week",
                0,
                6,
                new String[] {"sun", "mon", "tue", "wed", "thu", "fri", "sat"},
                "a day name (SUN-SAT)");

        final String label;
        final int min;
        final int max;
        final String[] names;
        final String nameHint;

        Field(String label, int min, int max, String[] names, String nameHint) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
            this.nameHint = nameHint;
        }
    }

    /** Carries the problem (without the expression) up to {@link #parse(String)}. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private CronParser() {}

    /** Parses {@code expression} (not null) or throws {@link IllegalArgumentException}. */
    static CronSchedule parse(String expression) {
        try {
            return parseOrThrow(expression);
        } catch (Problem problem) {
            throw new IllegalArgumentException(
                    "invalid cron expression \"" + expression + "\": " + problem.getMessage());
        }
    }

    private static CronSchedule parseOrThrow(String expression) {
        if (expression.isEmpty()) {
            throw new Problem("the expression is empty");
        }
        String spec = expression;
        ZoneId zone = null;
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            // robfig takes the zone up to the first space (not tab) and panics when there is none.
            int space = spec.indexOf(' ');
            if (space < 0) {
                throw new Problem("the time zone prefix must be followed by a space and 6 fields");
            }
            zone = loadLocation(spec.substring(spec.indexOf('=') + 1, space));
            spec = trimGoSpace(spec.substring(space));
        }
        if (spec.startsWith("@")) {
            throw new Problem(
                    "descriptors such as @hourly are not supported, write the 6 fields instead");
        }
        List<String> fields = splitOnGoSpace(spec);
        if (fields.size() != 6) {
            throw new Problem(
                    "expected 6 fields (second minute hour day-of-month month day-of-week), got "
                            + fields.size());
        }
        Field[] order = Field.values();
        long[] bits = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            bits[i] = parseField(fields.get(i), order[i]);
        }
        return new CronSchedule(bits[0], bits[1], bits[2], bits[3], bits[4], bits[5], zone);
    }

    /**
     * Go's {@code time.LoadLocation}: "" and "UTC" are UTC, "Local" means the zone of the time
     * passed to {@code next} (returned as null), anything else must be an IANA zone name.
     */
    private static ZoneId loadLocation(String name) {
        if (name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return null;
        }
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw new Problem("unknown time zone \"" + name + "\"");
        }
        return ZoneId.of(name);
    }

    /** A comma-separated list; empty items are skipped, as Go's {@code strings.FieldsFunc} does. */
    private static long parseField(String text, Field field) {
        long bits = 0;
        for (String item : text.split(",", -1)) {
            if (!item.isEmpty()) {
                bits |= parseItem(item, field);
            }
        }
        return bits;
    }

    private static long parseItem(String item, Field field) {
        String[] rangeAndStep = item.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        long start;
        long end;
        long step = 1;
        long star = 0;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            // robfig ignores whatever follows a "-" here: "*-5" reads as "*".
            start = field.min;
            end = field.max;
            star = CronSchedule.STAR_BIT;
        } else {
            start = parseValue(lowAndHigh[0], item, field);
            if (lowAndHigh.length > 2) {
                throw new Problem(field.label + " \"" + item + "\" has more than one \"-\"");
            }
            end = lowAndHigh.length == 2 ? parseValue(lowAndHigh[1], item, field) : start;
        }
        if (rangeAndStep.length > 2) {
            throw new Problem(field.label + " \"" + item + "\" has more than one \"/\"");
        }
        if (rangeAndStep.length == 2) {
            step = parseNumber(rangeAndStep[1], "step", item, field);
            if (step < 0) {
                throw new Problem(
                        field.label + " step " + step + " is negative in \"" + item + "\"");
            }
            if (lowAndHigh.length == 1) {
                end = field.max; // "a/n" means "a-max/n"
            }
            if (step > 1) {
                star = 0;
            }
        }
        if (start < field.min) {
            throw new Problem(
                    field.label + " value " + start + " is below the minimum " + field.min);
        }
        if (Math.max(start, end) > field.max) {
            throw new Problem(
                    field.label
                            + " value "
                            + Math.max(start, end)
                            + " is above the maximum "
                            + field.max);
        }
        if (start > end) {
            throw new Problem(field.label + " range \"" + item + "\" starts after it ends");
        }
        if (step == 0) {
            throw new Problem(field.label + " step must be at least 1 in \"" + item + "\"");
        }
        long bits = 0;
        for (long value = start; ; value += step) {
            bits |= 1L << value;
            if (end - value < step) {
                return bits | star;
            }
        }
    }

    /** A name of the field (case-insensitive, Go's simple lower-casing) or a number. */
    private static long parseValue(String token, String item, Field field) {
        if (field.names != null) {
            StringBuilder lower = new StringBuilder(token.length());
            token.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
            for (int i = 0; i < field.names.length; i++) {
                if (field.names[i].contentEquals(lower)) {
                    return field.min + i;
                }
            }
        }
        return parseNumber(token, "value", item, field); // never negative: "-" splits ranges
    }

    /** Go's {@code strconv.Atoi}: an optional sign and ASCII decimal digits fitting an int64. */
    private static long parseNumber(String token, String what, String item, Field field) {
        String where = field.label + " " + what;
        if (token.isEmpty()) {
            throw new Problem(where + " is missing in \"" + item + "\"");
        }
        int digits = token.charAt(0) == '+' || token.charAt(0) == '-' ? 1 : 0;
        boolean numeric = token.length() > digits;
        for (int i = digits; i < token.length(); i++) {
            numeric &= token.charAt(i) >= '0' && token.charAt(i) <= '9';
        }
        if (!numeric) {
            boolean named = what.equals("value") && field.nameHint != null;
            throw new Problem(
                    where
                            + " \""
                            + token
                            + (named
                                    ? "\" is neither a number nor " + field.nameHint
                                    : "\" is not a number"));
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new Problem(where + " \"" + token + "\" is out of range");
        }
    }

    /** Go's {@code unicode.IsSpace}. */
    private static boolean isGoSpace(int c) {
        if (c <= 0xFF) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return Character.isSpaceChar(c);
    }

    /** Go's {@code strings.Fields}: the non-empty runs between white space. */
    private static List<String> splitOnGoSpace(String text) {
        List<String> fields = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isGoSpace(c)) {
                if (start >= 0) {
                    fields.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            fields.add(text.substring(start));
        }
        return fields;
    }

    /** Go's {@code strings.TrimSpace}. */
    private static String trimGoSpace(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isGoSpace(text.codePointAt(from))) {
            from += Character.charCount(text.codePointAt(from));
        }
        while (to > from && isGoSpace(text.codePointBefore(to))) {
            to -= Character.charCount(text.codePointBefore(to));
        }
        return text.substring(from, to);
    }
}
