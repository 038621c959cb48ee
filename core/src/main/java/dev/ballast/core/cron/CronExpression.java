package dev.ballast.core.cron;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A 6-field cron expression ({@code second minute hour day-of-month month day-of-week}) read the
 * way Numaflow reads {@code spec.scale.cron.schedules[].start/end}: exactly like Go's {@code
 * github.com/robfig/cron/v3} parser built with {@code cron.NewParser(cron.Second | cron.Minute |
 * cron.Hour | cron.Dom | cron.Month | cron.Dow)}, and {@link #next(ZonedDateTime)} like its {@code
 * SpecSchedule.Next}.
 *
 * <p>Each field is a comma-separated list of items; an item is {@code *} or {@code ?} (every
 * value), a value {@code a}, a range {@code a-b}, or one of those followed by a step {@code /n}
 * ({@code a/n} means {@code a-max/n}). Ranges are second and minute 0-59, hour 0-23, day-of-month
 * 1-31, month 1-12 or {@code JAN}-{@code DEC}, day-of-week 0-6 or {@code SUN}-{@code SAT} (0 is
 * Sunday); names are case-insensitive. A day matches when both the day-of-month and the day-of-week
 * match if either of them is written as {@code *} or {@code ?} without a step above 1, and when
 * either one matches otherwise. As in robfig/cron, the expression may start with {@code TZ=<zone> }
 * or {@code CRON_TZ=<zone> }, which makes {@link #next(ZonedDateTime)} work in that zone instead of
 * the zone of its argument; descriptors such as {@code @hourly} are rejected.
 *
 * <p>Instances are immutable and thread-safe; equality is that of the original text.
 */
public final class CronExpression {

    private final String expression;
    private final CronSchedule schedule;

    private CronExpression(String expression, CronSchedule schedule) {
        this.expression = expression;
        this.schedule = schedule;
    }

    /**
     * Parses a 6-field cron expression.
     *
     * @param expression the text, for example {@code "0 0/5 * * * *"}; fields are separated by any
     *     run of white space, and leading and trailing white space is ignored
     * @return the parsed expression, which remembers {@code expression} verbatim
     * @throws NullPointerException if {@code expression} is null
     * @throws IllegalArgumentException if robfig/cron would reject the text; the message quotes the
     *     whole expression and names the problem, for example {@code invalid cron expression "0 61
     *     * * * *": minute value 61 is above the maximum 59}
     */
    public static CronExpression parse(String expression) {
        Objects.requireNonNull(expression, "cron expression must not be null");
        return new CronExpression(expression, CronParser.parse(expression));
    }

    /**
     * The first time strictly after {@code after} that the expression matches, at a whole second.
     *
     * <p>The search runs in the zone of {@code after} (or in the zone of a {@code TZ=}/{@code
     * CRON_TZ=} prefix) with robfig/cron's algorithm, including its handling of daylight-saving
     * gaps and overlaps: a time inside a gap is not produced (an hourly job skips the missing hour,
     * a daily job at a missing hour skips that day), and a time in an overlap can match once in
     * each offset (an hourly job fires at 01:00 both before and after the clocks go back).
     *
     * @param after the time to search from; its fraction of a second is ignored
     * @return the next matching time in the zone of {@code after}, or empty when there is none
     *     within about five years (for example {@code 0 0 0 30 2 *})
     * @throws NullPointerException if {@code after} is null
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        Objects.requireNonNull(after, "after must not be null");
        return schedule.next(after);
    }

    /**
     * The text this expression was parsed from.
     *
     * @return the original text, verbatim
     */
    public String expression() {
        return expression;
    }

    /**
     * Whether {@code other} is a cron expression parsed from the same text.
     *
     * @param other the object to compare with
     * @return true when both were parsed from equal strings
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression
                && ((CronExpression) other).expression.equals(expression);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code of the original text
     */
    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    /**
     * The text this expression was parsed from.
     *
     * @return the original text, verbatim, as {@link #expression()}
     */
    @Override
    public String toString() {
        return expression;
    }
}
