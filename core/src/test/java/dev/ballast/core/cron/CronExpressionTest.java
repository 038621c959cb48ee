package dev.ballast.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CronExpression} must agree with robfig/cron v3 ({@code NewParser(Second | Minute | Hour |
 * Dom | Month | Dow)}), which Numaflow uses for cron scaling windows.
 */
class CronExpressionTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static ZonedDateTime utc(String isoLocal) {
        return OffsetDateTime.parse(isoLocal + "Z").atZoneSameInstant(ZoneOffset.UTC);
    }

    static ZonedDateTime at(String isoOffset, ZoneId zone) {
        return OffsetDateTime.parse(isoOffset).atZoneSameInstant(zone);
    }

    static Optional<ZonedDateTime> next(String expression, ZonedDateTime after) {
        return CronExpression.parse(expression).next(after);
    }

    @Nested
    class Parsing {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                        ''                             | the expression is empty
                        '   '                          | expected 6 fields (second minute hour day-of-month month day-of-week), got 0
                        * * * * *                      | expected 6 fields (second minute hour day-of-month month day-of-week), got 5
                        0 * * * * * *                  | expected 6 fields (second minute hour day-of-month month day-of-week), got 7
                        @hourly                        | descriptors such as @hourly are not supported
                        60 * * * * *                   | second value 60 is above the maximum 59
                        0 61 * * * *                   | minute value 61 is above the maximum 59
                        0 0 24 * * *                   | hour value 24 is above the maximum 23
                        0 0 0 0 * *                    | day-of-month value 0 is below the minimum 1
                        0 0 0 32 * *                   | day-of-month value 32 is above the maximum 31
                        0 0 0 * 0 *                    | month value 0 is below the minimum 1
                        0 0 0 * 13 *                   | month value 13 is above the maximum 12
                        0 0 0 * * 7                    | day-of-week value 7 is above the maximum 6
                        0 0 0 1-32 * *                 | day-of-month value 32 is above the maximum 31
                        0 70/5 * * * *                 | minute value 70 is above the maximum 59
                        0 30-10 * * * *                | minute range "30-10" starts after it ends
                        0 0 0 * * MON-SUN              | day-of-week range "MON-SUN" starts after it ends
                        */0 * * * * *                  | second step must be at least 1 in "*/0"
                        0 0 5-10/0 * * *               | hour step must be at least 1 in "5-10/0"
                        0 0 0 * * */-1                 | day-of-week step -1 is negative in "*/-1"
                        a * * * * *                    | second value "a" is not a number
                        0 1.5 * * * *                  | minute value "1.5" is not a number
                        0 ０ * * * *                   | minute value "０" is not a number
                        0 0 0 * foo *                  | month value "foo" is neither a number nor a month name (JAN-DEC)
                        0 0 0 * JAN-FEBRUARY *         | month value "FEBRUARY" is neither a number nor a month name (JAN-DEC)
                        0 0 0 * * funday               | day-of-week value "funday" is neither a number nor a day name (SUN-SAT)
                        0 0 0 * * */mon                | day-of-week step "mon" is not a number
                        5- * * * * *                   | second value is missing in "5-"
                        /5 * * * * *                   | second value is missing in "/5"
                        -5 * * * * *                   | second value is missing in "-5"
                        */ * * * * *                   | second step is missing in "*/"
                        1-2-3 * * * * *                | second "1-2-3" has more than one "-"
                        */2/3 * * * * *                | second "*/2/3" has more than one "/"
                        99999999999999999999 * * * * * | second value "99999999999999999999" is out of range
                        CRON_TZ=Mars/Olympus 0 * * * * * | unknown time zone "Mars/Olympus"
                        TZ=UTC                         | the time zone prefix must be followed by a space and 6 fields
                        TZ=UTC @daily                  | descriptors such as @hourly are not supported
                        """)
        void rejects(String expression, String problem) {
            assertThatThrownBy(() -> CronExpression.parse(expression))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid cron expression \"" + expression + "\": ")
                    .hasMessageContaining(problem);
        }

        @Test
        void messageNamesTheWholeExpressionAndTheProblem() {
            assertThatThrownBy(() -> CronExpression.parse("0 61 * * * *"))
                    .hasMessage(
                            "invalid cron expression \"0 61 * * * *\": minute value 61 is above the"
                                    + " maximum 59");
        }

        @Test
        void theTimeZoneEndsAtTheFirstSpaceNotAtATab() {
            // robfig cuts the zone name at the first ' ', so here the name is "UTC<tab>0".
            assertThatThrownBy(() -> CronExpression.parse("TZ=UTC\t0 * * * * *"))
                    .hasMessageContaining("unknown time zone \"UTC\t0\"");
        }

        @Test
        void rejectsNull() {
            assertThatNullPointerException()
                    .isThrownBy(() -> CronExpression.parse(null))
                    .withMessage("cron expression must not be null");
        }

        /** Oddities robfig accepts, so Numaflow runs them and Ballast must not reject them. */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "0 0 * * * *",
                    "  0 0 * * * *  ",
                    "0\t0 \t *\n* * *",
                    "0\u00a00\u2003* * * *", // Go's strings.Fields splits on Unicode spaces
                    "? ? ? ? ? ?",
                    "1,,2 * * * * *", // empty list items are skipped
                    ",5 * * * * *",
                    "+5 * * * * *", // strconv.Atoi takes a sign
                    "*-9 * * * * *", // whatever follows "*-" is ignored
                    "*-x-y * * * * *",
                    "0 0 0 * jAn,FEB sUn-Sat",
                    "0 0 0 * * 1/2",
                    "TZ=America/New_York 0 0 * * * *",
                    "CRON_TZ=UTC 0 0 * * * *",
                    "TZ= 0 0 * * * *",
                    "TZ=Local 0 0 * * * *",
                })
        void acceptsWhatRobfigAccepts(String expression) {
            assertThat(CronExpression.parse(expression).expression()).isEqualTo(expression);
        }

        @Test
        void keepsTheOriginalTextForEqualityAndToString() {
            CronExpression a = CronExpression.parse("0 0 * * * *");
            assertThat(a).isEqualTo(CronExpression.parse("0 0 * * * *"));
            assertThat(a).hasSameHashCodeAs(CronExpression.parse("0 0 * * * *"));
            assertThat(a).isNotEqualTo(CronExpression.parse("0  0 * * * *"));
            assertThat(a.toString()).isEqualTo("0 0 * * * *");
            assertThat(a.expression()).isEqualTo("0 0 * * * *");
        }
    }

    @Nested
    class Next {

        @ParameterizedTest(name = "[{index}] \"{0}\" after {1} -> {2}")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                        # every second; the fraction of the input second is dropped
                        * * * * * *             | 2024-05-01T10:00:00.500 | 2024-05-01T10:00:01
                        # every 5 minutes
                        0 */5 * * * *           | 2024-05-01T10:07:30     | 2024-05-01T10:10:00
                        # daily at 09:30
                        0 30 9 * * *            | 2024-05-01T08:00:00     | 2024-05-01T09:30:00
                        0 30 9 * * *            | 2024-05-01T09:31:00     | 2024-05-02T09:30:00
                        # weekdays only: Friday evening -> Monday
                        0 0 9 * * MON-FRI       | 2024-05-03T10:00:00     | 2024-05-06T09:00:00
                        # month names
                        0 0 0 1 jan,Jul *       | 2024-02-10T00:00:00     | 2024-07-01T00:00:00
                        # a/n means a-max/n: minutes 5, 25, 45; seconds 10, 35
                        0 5/20 * * * *          | 2024-05-01T10:45:00     | 2024-05-01T11:05:00
                        10/25 * * * * *         | 2024-05-01T10:00:40     | 2024-05-01T10:01:10
                        # year wrap
                        0 0 0 1 1 *             | 2023-12-31T12:00:00     | 2024-01-01T00:00:00
                        59 59 23 31 DEC *       | 2023-12-31T23:59:59     | 2024-12-31T23:59:59
                        # Feb 29 finds the next leap year
                        0 0 0 29 2 *            | 2024-03-01T00:00:00     | 2028-02-29T00:00:00
                        0 0 12 29 FEB ?         | 2096-02-29T11:00:00     | 2096-02-29T12:00:00
                        # a list with an empty item, and a signed number, as robfig reads them
                        1,,2 0 0 * * *          | 2024-05-01T00:00:01     | 2024-05-01T00:00:02
                        +5 0 0 * * *            | 2024-05-01T00:00:00     | 2024-05-01T00:00:05
                        """)
        void findsTheNextMatchInUtc(String expression, String after, String expected) {
            assertThat(next(expression, utc(after))).contains(utc(expected));
        }

        /**
         * Day of month and day of week: when either is written {@code *} or {@code ?} (with no step
         * above 1) both must match; when both are restricted either one is enough. 2024-05-01 is a
         * Wednesday, 2024-05-03 a Friday.
         */
        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                        0 0 0 13 * FRI   | 2024-05-03T00:00:00
                        0 0 0 1-31 * FRI | 2024-05-02T00:00:00
                        0 0 0 13 * *     | 2024-05-13T00:00:00
                        0 0 0 13 * ?     | 2024-05-13T00:00:00
                        0 0 0 * * FRI    | 2024-05-03T00:00:00
                        0 0 0 ? * FRI    | 2024-05-03T00:00:00
                        0 0 0 */1 * FRI  | 2024-05-03T00:00:00
                        0 0 0 */2 * THU  | 2024-05-02T00:00:00
                        0 0 0 13 * 0-6/1 | 2024-05-02T00:00:00
                        """)
        void dayOfMonthAndDayOfWeek(String expression, String expected) {
            assertThat(next(expression, utc("2024-05-01T00:00:00"))).contains(utc(expected));
        }

        @Test
        void isStrictlyAfterTheInputEvenWhenTheInputMatches() {
            assertThat(next("0 0 12 * * *", utc("2024-05-01T12:00:00")))
                    .contains(utc("2024-05-02T12:00:00"));
            assertThat(next("0 0 12 * * *", utc("2024-05-01T12:00:00.999")))
                    .contains(utc("2024-05-02T12:00:00"));
            assertThat(next("0 0 12 * * *", utc("2024-05-01T11:59:59.999")))
                    .contains(utc("2024-05-01T12:00:00"));
            assertThat(next("* * * * * *", utc("2024-05-01T12:00:00")))
                    .contains(utc("2024-05-01T12:00:01"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0 0 0 30 2 *", "0 0 0 31 4 *", "0 0 0 31 2,4,6,9,11 ?"})
        void impossibleDatesGiveEmpty(String expression) {
            assertThat(next(expression, utc("2024-01-01T00:00:00"))).isEmpty();
        }

        @Test
        void givesUpAfterFiveYearsLikeRobfig() {
            // 2100 is not a leap year; from 2096-03-01 robfig stops after 2101, before 2104-02-29.
            assertThat(next("0 0 0 29 2 *", utc("2096-03-01T00:00:00"))).isEmpty();
            assertThat(next("0 0 0 29 2 *", utc("2099-03-01T00:00:00")))
                    .contains(utc("2104-02-29T00:00:00"));
        }

        @Test
        void aFieldSelectingNothingNeverFires() {
            // robfig accepts a field that is only commas and then never finds a time.
            assertThat(next("0 , * * * *", utc("2024-01-01T00:00:00"))).isEmpty();
            assertThat(next("0 0 0 , * *", utc("2024-01-01T00:00:00"))).isEmpty();
            // With both day fields restricted, the day of week alone can still match.
            assertThat(next("0 0 0 , * MON", utc("2024-05-01T00:00:00")))
                    .contains(utc("2024-05-06T00:00:00"));
        }

        @Test
        void answersInTheZoneOfTheInput() {
            ZonedDateTime after = at("2024-05-01T10:07:00+02:00", ZoneId.of("Europe/Paris"));
            ZonedDateTime next = next("0 0 12 * * *", after).orElseThrow();
            assertThat(next.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(next.toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2024-05-01T12:00:00+02:00"));
        }

        @Test
        void aTimeZonePrefixOverridesTheZoneOfTheInput() {
            ZonedDateTime next =
                    next("CRON_TZ=America/New_York 0 0 12 * * *", utc("2024-05-01T00:00:00"))
                            .orElseThrow();
            assertThat(next.getZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(next).isEqualTo(utc("2024-05-01T16:00:00"));
            assertThat(next("TZ=Local 0 0 12 * * *", utc("2024-05-01T00:00:00")))
                    .contains(utc("2024-05-01T12:00:00"));
        }
    }

    /**
     * America/New_York, 2024: clocks go from 02:00 EST to 03:00 EDT on March 10 and from 02:00 EDT
     * back to 01:00 EST on November 3. robfig walks hour by hour through real instants, so a
     * wall-clock time inside the spring gap is never produced (no firing at "03:30" in its place,
     * unlike ISC cron) and a wall-clock time inside the autumn overlap matches in both offsets.
     */
    @Nested
    class DaylightSaving {

        @Test
        void springForwardSkipsTheMissingHour() {
            ZonedDateTime midnight = at("2024-03-10T00:00:00-05:00", NEW_YORK);
            // Daily at 02:30: that day has no 02:30, so the next one is the following day.
            assertThat(next("0 30 2 * * *", midnight).orElseThrow().toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2024-03-11T02:30:00-04:00"));
            // Hourly: 01:00 EST is followed by 03:00 EDT, one real hour later.
            ZonedDateTime one = next("0 0 * * * *", midnight).orElseThrow();
            assertThat(one.toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2024-03-10T01:00:00-05:00"));
            assertThat(next("0 0 * * * *", one).orElseThrow().toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2024-03-10T03:00:00-04:00"));
        }

        @Test
        void fallBackRunsTheRepeatedHourTwice() {
            ZonedDateTime first = at("2024-11-03T01:45:00-04:00", NEW_YORK);
            // Daily at 01:30: 01:30 EDT has passed, 01:30 EST is still to come that same day.
            ZonedDateTime second = next("0 30 1 * * *", first).orElseThrow();
            assertThat(second.toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2024-11-03T01:30:00-05:00"));
            assertThat(next("0 30 1 * * *", second).orElseThrow().toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2024-11-04T01:30:00-05:00"));
            // Hourly: 01:00 EDT, 01:00 EST, 02:00 EST.
            ZonedDateTime edt = at("2024-11-03T01:00:00-04:00", NEW_YORK);
            ZonedDateTime est = next("0 0 * * * *", edt).orElseThrow();
            assertThat(est.toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2024-11-03T01:00:00-05:00"));
            assertThat(next("0 0 * * * *", est).orElseThrow().toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2024-11-03T02:00:00-05:00"));
        }

        /**
         * Where Go's {@code time.Date} and java.time disagree: for a wall-clock time inside a gap
         * Go picks the instant one gap-length earlier, java.time the one after. In America/Asuncion
         * the clocks jumped from 2017-10-01T00:00-04:00 to 01:00-03:00. robfig's month step asks Go
         * for October 1 at midnight, gets September 30 23:00, moves on a month to October 30 and so
         * misses 2017-10-01T01:00-03:00, which does exist. Numaflow inherits that, so Ballast does
         * too. (The expected value is traced through Go's and robfig's source, not taken from a Go
         * run.)
         */
        @Test
        void followsGoWhenMidnightOnTheFirstFallsInAGap() {
            ZonedDateTime after = at("2017-09-15T00:00:00-04:00", ZoneId.of("America/Asuncion"));
            assertThat(next("0 0 1 1 10 *", after).orElseThrow().toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2018-10-01T01:00:00-04:00"));
        }
    }

    /**
     * Vectors from robfig/cron v3 spec_test.go: TestActivation (its 5-field specs with a "0"
     * seconds field put in front, each checked as Next(time - 1s) == time or not) and TestNext
     * (simple cases, wrap around hours/days/months/years, leap year, the America/New_York
     * daylight-saving cases with TZ=/CRON_TZ=, unsatisfiable, monthly job, and the
     * America/Sao_Paulo midnight-gap cases of robfig issue #157). Times without an offset are UTC;
     * results are compared as instants, since robfig's test compares with Time.Equal.
     */
    @Nested
    class RobfigVectors {

        @ParameterizedTest(name = "[{index}] \"{1}\" at {0}: {2}")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                        2012-07-09T15:00 | 0 0/15 * * * *   | true
                        2012-07-09T15:45 | 0 0/15 * * * *   | true
                        2012-07-09T15:40 | 0 0/15 * * * *   | false
                        2012-07-09T15:05 | 0 5/15 * * * *   | true
                        2012-07-09T15:20 | 0 5/15 * * * *   | true
                        2012-07-09T15:50 | 0 5/15 * * * *   | true
                        2012-07-15T15:00 | 0 0/15 * * Jul * | true
                        2012-07-15T15:00 | 0 0/15 * * Jun * | false
                        2012-07-15T08:30 | 0 30 08 ? Jul Sun | true
                        2012-07-15T08:30 | 0 30 08 15 Jul ? | true
                        2012-07-16T08:30 | 0 30 08 ? Jul Sun | false
                        2012-07-16T08:30 | 0 30 08 15 Jul ? | false
                        2012-07-15T00:00 | 0 * * 1,15 * Sun | true
                        2012-06-15T00:00 | 0 * * 1,15 * Sun | true
                        2012-08-01T00:00 | 0 * * 1,15 * Sun | true
                        2012-07-15T00:00 | 0 * * */10 * Sun | true
                        2012-07-15T00:00 | 0 * * * * Mon    | false
                        2012-07-09T00:00 | 0 * * 1,15 * *   | false
                        2012-07-15T00:00 | 0 * * 1,15 * *   | true
                        2012-07-15T00:00 | 0 * * */2 * Sun  | true
                        """)
        void activation(String time, String expression, boolean fires) {
            ZonedDateTime at = utc(time + ":00");
            Optional<ZonedDateTime> next = next(expression, at.minusSeconds(1));
            assertThat(next.filter(at::isEqual).isPresent()).isEqualTo(fires);
        }

        @ParameterizedTest(name = "[{index}] \"{1}\" after {0} -> {2}")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                        2012-07-09T14:45:00Z      | 0 0/15 * * * *                 | 2012-07-09T15:00:00Z
                        2012-07-09T14:59:00Z      | 0 0/15 * * * *                 | 2012-07-09T15:00:00Z
                        2012-07-09T14:59:59Z      | 0 0/15 * * * *                 | 2012-07-09T15:00:00Z
                        2012-07-09T15:45:00Z      | 0 20-35/15 * * * *             | 2012-07-09T16:20:00Z
                        2012-07-09T23:46:00Z      | 0 */15 * * * *                 | 2012-07-10T00:00:00Z
                        2012-07-09T23:45:00Z      | 0 20-35/15 * * * *             | 2012-07-10T00:20:00Z
                        2012-07-09T23:35:51Z      | 15/35 20-35/15 * * * *         | 2012-07-10T00:20:15Z
                        2012-07-09T23:35:51Z      | 15/35 20-35/15 1/2 * * *       | 2012-07-10T01:20:15Z
                        2012-07-09T23:35:51Z      | 15/35 20-35/15 10-12 * * *     | 2012-07-10T10:20:15Z
                        2012-07-09T23:35:51Z      | 15/35 20-35/15 1/2 */2 * *     | 2012-07-11T01:20:15Z
                        2012-07-09T23:35:51Z      | 15/35 20-35/15 * 9-20 * *      | 2012-07-10T00:20:15Z
                        2012-07-09T23:35:51Z      | 15/35 20-35/15 * 9-20 Jul *    | 2012-07-10T00:20:15Z
                        2012-07-09T23:35:00Z      | 0 0 0 9 Apr-Oct ?              | 2012-08-09T00:00:00Z
                        2012-07-09T23:35:00Z      | 0 0 0 */5 Apr,Aug,Oct Mon      | 2012-08-01T00:00:00Z
                        2012-07-09T23:35:00Z      | 0 0 0 */5 Oct Mon              | 2012-10-01T00:00:00Z
                        2012-07-09T23:35:00Z      | 0 0 0 * Feb Mon                | 2013-02-04T00:00:00Z
                        2012-07-09T23:35:00Z      | 0 0 0 * Feb Mon/2              | 2013-02-01T00:00:00Z
                        2012-12-31T23:59:45Z      | 0 * * * * *                    | 2013-01-01T00:00:00Z
                        2012-07-09T23:35:00Z      | 0 0 0 29 Feb ?                 | 2016-02-29T00:00:00Z
                        2012-03-11T00:00:00-05:00 | TZ=America/New_York 0 30 2 11 Mar ? | 2013-03-11T02:30:00-04:00
                        2012-03-11T00:00:00-05:00 | TZ=America/New_York 0 0 * * * ?     | 2012-03-11T01:00:00-05:00
                        2012-03-11T01:00:00-05:00 | TZ=America/New_York 0 0 * * * ?     | 2012-03-11T03:00:00-04:00
                        2012-03-11T03:00:00-04:00 | TZ=America/New_York 0 0 * * * ?     | 2012-03-11T04:00:00-04:00
                        2012-03-11T01:00:00-05:00 | CRON_TZ=America/New_York 0 0 * * * ? | 2012-03-11T03:00:00-04:00
                        2012-03-11T00:00:00-05:00 | TZ=America/New_York 0 0 1 * * ?     | 2012-03-11T01:00:00-05:00
                        2012-03-11T01:00:00-05:00 | TZ=America/New_York 0 0 1 * * ?     | 2012-03-12T01:00:00-04:00
                        2012-03-11T00:00:00-05:00 | TZ=America/New_York 0 0 2 * * ?     | 2012-03-12T02:00:00-04:00
                        2012-11-04T00:00:00-04:00 | TZ=America/New_York 0 30 2 04 Nov ? | 2012-11-04T02:30:00-05:00
                        2012-11-04T01:45:00-04:00 | TZ=America/New_York 0 30 1 04 Nov ? | 2012-11-04T01:30:00-05:00
                        2012-11-04T00:00:00-04:00 | TZ=America/New_York 0 0 * * * ?     | 2012-11-04T01:00:00-04:00
                        2012-11-04T01:00:00-04:00 | TZ=America/New_York 0 0 * * * ?     | 2012-11-04T01:00:00-05:00
                        2012-11-04T01:00:00-05:00 | TZ=America/New_York 0 0 * * * ?     | 2012-11-04T02:00:00-05:00
                        2012-11-04T00:00:00-04:00 | TZ=America/New_York 0 0 1 * * ?     | 2012-11-04T01:00:00-04:00
                        2012-11-04T01:00:00-04:00 | TZ=America/New_York 0 0 1 * * ?     | 2012-11-04T01:00:00-05:00
                        2012-11-04T01:00:00-05:00 | TZ=America/New_York 0 0 1 * * ?     | 2012-11-05T01:00:00-05:00
                        2012-11-04T00:00:00-04:00 | TZ=America/New_York 0 0 2 * * ?     | 2012-11-04T02:00:00-05:00
                        2012-11-04T02:00:00-05:00 | TZ=America/New_York 0 0 2 * * ?     | 2012-11-05T02:00:00-05:00
                        2012-11-04T00:00:00-04:00 | TZ=America/New_York 0 0 3 * * ?     | 2012-11-04T03:00:00-05:00
                        2012-11-04T03:00:00-05:00 | TZ=America/New_York 0 0 3 * * ?     | 2012-11-05T03:00:00-05:00
                        2012-11-04T00:00:00-04:00 | TZ=America/New_York 0 0 3 3 * ?     | 2012-12-03T03:00:00-05:00
                        2018-10-17T05:00:00-04:00 | TZ=America/Sao_Paulo 0 0 9 10 * ?   | 2018-11-10T06:00:00-05:00
                        2018-02-14T05:00:00-05:00 | TZ=America/Sao_Paulo 0 0 9 22 * ?   | 2018-02-22T07:00:00-05:00
                        """)
        void nextMatchesRobfig(String after, String expression, String expected) {
            ZonedDateTime from = OffsetDateTime.parse(after).toZonedDateTime();
            ZonedDateTime found = CronExpression.parse(expression).next(from).orElseThrow();
            assertThat(found.toInstant()).isEqualTo(OffsetDateTime.parse(expected).toInstant());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0 0 0 30 Feb ?", "0 0 0 31 Apr ?"})
        void unsatisfiable(String expression) {
            assertThat(next(expression, utc("2012-07-09T23:35:00"))).isEmpty();
        }

        /** robfig's TestNext, same New York vectors, with the zone on the input instead. */
        @ParameterizedTest(name = "[{index}] \"{1}\" after {0} -> {2}")
        @CsvSource(
                delimiter = '|',
                textBlock =
                        """
                        2012-11-04T00:00:00-04:00 | 0 0 * * * ? | 2012-11-04T01:00:00-04:00
                        2012-11-04T01:00:00-04:00 | 0 0 * * * ? | 2012-11-04T01:00:00-05:00
                        2012-11-04T01:00:00-05:00 | 0 0 * * * ? | 2012-11-04T02:00:00-05:00
                        2012-11-04T01:00:00-04:00 | 0 0 1 * * ? | 2012-11-04T01:00:00-05:00
                        2012-11-04T01:00:00-05:00 | 0 0 1 * * ? | 2012-11-05T01:00:00-05:00
                        2012-11-04T00:00:00-04:00 | 0 0 2 * * ? | 2012-11-04T02:00:00-05:00
                        2012-11-04T00:00:00-04:00 | 0 0 3 * * ? | 2012-11-04T03:00:00-05:00
                        2012-11-04T00:00:00-04:00 | 0 0 3 3 * ? | 2012-12-03T03:00:00-05:00
                        """)
        void nextInTheZoneOfTheInput(String after, String expression, String expected) {
            ZonedDateTime found = next(expression, at(after, NEW_YORK)).orElseThrow();
            assertThat(found.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse(expected));
            assertThat(found.getZone()).isEqualTo(NEW_YORK);
        }
    }
}
