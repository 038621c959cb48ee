package dev.ballast.core.cron;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * The bit sets of a parsed expression and robfig/cron v3's {@code SpecSchedule.Next} over them.
 *
 * <p>The search keeps the current time as epoch seconds and re-creates Go's {@code time} package
 * where it matters: {@link #date} resolves a wall-clock time that falls into a daylight-saving gap
 * or overlap the way Go's {@code time.Date} does (which is not how {@code ZonedDateTime.of} does
 * it), {@code AddDate} normalises an overflowing day or month forwards, and {@code Add} and {@code
 * Truncate} work on the instant, not on the wall clock.
 *
 * <p>{@code zone} is the zone of a {@code TZ=}/{@code CRON_TZ=} prefix, or null for the zone of the
 * time passed to {@link #next(ZonedDateTime)}.
 */
record CronSchedule(
        long second,
        long minute,
        long hour,
        long dayOfMonth,
        long month,
        long dayOfWeek,
        ZoneId zone) {

    /**
     * Set in a field's bits when it was written as {@code *} or {@code ?} without a step above 1.
     */
    static final long STAR_BIT = 1L << 63;

    /** Go's {@code Next} gives up once the search passes the starting year plus this. */
    private static final int YEAR_LIMIT = 5;

    /** A safety net far above what any satisfiable expression needs within {@link #YEAR_LIMIT}. */
    private static final int MAX_STEPS = 2_000_000;

    Optional<ZonedDateTime> next(ZonedDateTime after) {
        if (!canMatch()) {
            return Optional.empty(); // robfig would search the whole five years to find nothing
        }
        ZoneRules rules = (zone == null ? after.getZone() : zone).getRules();
        try {
            long found = search(after.toEpochSecond() + 1, rules);
            return found == Long.MIN_VALUE
                    ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(found).atZone(after.getZone()));
        } catch (DateTimeException | ArithmeticException beyondJavaTime) {
            return Optional.empty(); // only near the year 1,000,000,000
        }
    }

    /**
     * False when a field selects no value at all (written as just commas), so nothing can match.
     */
    private boolean canMatch() {
        long days = dayOfMonth & ~STAR_BIT;
        long weekdays = dayOfWeek & ~STAR_BIT;
        boolean someDay = starRule() ? days != 0 && weekdays != 0 : days != 0 || weekdays != 0;
        return someDay
                && (second & ~STAR_BIT) != 0
                && (minute & ~STAR_BIT) != 0
                && (hour & ~STAR_BIT) != 0
                && (month & ~STAR_BIT) != 0;
    }

    private boolean starRule() {
        return (dayOfMonth & STAR_BIT) != 0 || (dayOfWeek & STAR_BIT) != 0;
    }

    /** The epoch second found from {@code t} on, or {@code Long.MIN_VALUE} for none. */
    private long search(long t, ZoneRules rules) {
        boolean added = false;
        int yearLimit = local(t, rules).getYear() + YEAR_LIMIT;
        int steps = 0;
        wrap:
        while (steps++ < MAX_STEPS) {
            LocalDateTime now = local(t, rules);
            if (now.getYear() > yearLimit) {
                return Long.MIN_VALUE;
            }
            while (!has(month, now.getMonthValue())) {
                if (!added) {
                    added = true;
                    t = date(now.toLocalDate().withDayOfMonth(1), 0, rules);
                    now = local(t, rules);
                }
                t = addDate(now, 1, 0, rules);
                now = local(t, rules);
                if (now.getMonthValue() == 1 || steps++ > MAX_STEPS) {
                    continue wrap;
                }
            }
            while (!dayMatches(now)) {
                if (!added) {
                    added = true;
                    t = date(now.toLocalDate(), 0, rules);
                    now = local(t, rules);
                }
                t = addDate(now, 0, 1, rules);
                int hourNow = local(t, rules).getHour();
                if (hourNow != 0) { // midnight moved by daylight saving time: back to it
                    t += (hourNow > 12 ? 24 - hourNow : -hourNow) * 3600L;
                }
                now = local(t, rules);
                if (now.getDayOfMonth() == 1 || steps++ > MAX_STEPS) {
                    continue wrap;
                }
            }
            while (!has(hour, now.getHour())) {
                if (!added) {
                    added = true;
                    t = date(now.toLocalDate(), now.getHour(), rules);
                }
                t += 3600;
                now = local(t, rules);
                if (now.getHour() == 0 || steps++ > MAX_STEPS) {
                    continue wrap;
                }
            }
            while (!has(minute, now.getMinute())) {
                if (!added) {
                    added = true;
                    t -= Math.floorMod(t, 60L); // Go truncates the instant, not the wall clock
                }
                t += 60;
                now = local(t, rules);
                if (now.getMinute() == 0 || steps++ > MAX_STEPS) {
                    continue wrap;
                }
            }
            while (!has(second, now.getSecond())) {
                added = true;
                t += 1;
                now = local(t, rules);
                if (now.getSecond() == 0 || steps++ > MAX_STEPS) {
                    continue wrap;
                }
            }
            return t;
        }
        return Long.MIN_VALUE;
    }

    private boolean dayMatches(LocalDateTime day) {
        boolean domMatch = has(dayOfMonth, day.getDayOfMonth());
        boolean dowMatch = has(dayOfWeek, day.getDayOfWeek().getValue() % 7);
        return starRule() ? domMatch && dowMatch : domMatch || dowMatch;
    }

    private static boolean has(long bits, int value) {
        return (bits & (1L << value)) != 0;
    }

    private static LocalDateTime local(long epochSecond, ZoneRules rules) {
        return LocalDateTime.ofEpochSecond(
                epochSecond, 0, rules.getOffset(Instant.ofEpochSecond(epochSecond)));
    }

    /** Go's {@code t.AddDate(0, months, days)}: same wall clock, overflowing days roll forward. */
    private static long addDate(LocalDateTime t, int months, int days, ZoneRules rules) {
        LocalDate date =
                LocalDate.of(t.getYear(), 1, 1)
                        .plusMonths(t.getMonthValue() - 1L + months)
                        .plusDays(t.getDayOfMonth() - 1L + days);
        return resolve(date.toEpochDay() * 86_400L + t.toLocalTime().toSecondOfDay(), rules);
    }

    /** Go's {@code time.Date(year, month, day, hour, 0, 0, 0, loc)} for an existing date. */
    private static long date(LocalDate day, int hour, ZoneRules rules) {
        return resolve(day.toEpochDay() * 86_400L + hour * 3600L, rules);
    }

    /**
     * The instant of a wall-clock time given as seconds since 1970-01-01T00:00 local, chosen as
     * Go's {@code time.Date} chooses it: take the offset in force at the wall-clock value read as
     * UTC, then the offset in force at the instant that gives, and apply that one. In a gap this
     * lands one gap-length earlier than {@code ZonedDateTime.of} (01:30 EST for 02:30 on a New York
     * spring-forward day); in an overlap it picks the earlier offset for zones west of UTC (as
     * java.time does) but the later one for zones east of it (02:30 CET, not CEST, in Paris).
     */
    private static long resolve(long wallClock, ZoneRules rules) {
        int guess = rules.getOffset(Instant.ofEpochSecond(wallClock)).getTotalSeconds();
        int offset = rules.getOffset(Instant.ofEpochSecond(wallClock - guess)).getTotalSeconds();
        return wallClock - offset;
    }
}
