package dev.ballast.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.cron.CronExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CronScalingTest {

    static CronWindow window(String start, String end, Integer min, Integer max) {
        return new CronWindow(
                CronExpression.parse(start),
                CronExpression.parse(end),
                min == null ? OptionalInt.empty() : OptionalInt.of(min),
                max == null ? OptionalInt.empty() : OptionalInt.of(max));
    }

    static final CronWindow BUSINESS_HOURS =
            window("0 0 9 * * MON-FRI", "0 0 17 * * MON-FRI", 5, 10);

    // 2026-06-01 is a Monday.
    static final Instant MONDAY_NOON_UTC = Instant.parse("2026-06-01T12:00:00Z");
    static final Instant MONDAY_EVENING_UTC = Instant.parse("2026-06-01T18:00:00Z");
    static final Instant SATURDAY_NOON_UTC = Instant.parse("2026-06-06T12:00:00Z");

    @Test
    void anOpenWindowReplacesTheBaseBounds() {
        CronScaling cron = new CronScaling(ZoneOffset.UTC, List.of(BUSINESS_HOURS));

        assertThat(cron.boundsAt(MONDAY_NOON_UTC, 0, 50)).isEqualTo(new ScaleBounds(5, 10, true));
        assertThat(cron.boundsAt(MONDAY_EVENING_UTC, 0, 50))
                .isEqualTo(new ScaleBounds(0, 50, false));
        assertThat(cron.boundsAt(SATURDAY_NOON_UTC, 0, 50))
                .isEqualTo(new ScaleBounds(0, 50, false));
    }

    @Test
    void windowsAreReadInTheirTimeZone() {
        CronScaling newYork =
                new CronScaling(ZoneId.of("America/New_York"), List.of(BUSINESS_HOURS));

        // 12:00 UTC is 08:00 in New York (EDT): before the window opens.
        assertThat(newYork.boundsAt(MONDAY_NOON_UTC, 0, 50).cronActive()).isFalse();
        // 18:00 UTC is 14:00 in New York: open.
        assertThat(newYork.boundsAt(MONDAY_EVENING_UTC, 0, 50).cronActive()).isTrue();
    }

    @Test
    void aWindowOnlyNarrowsTheBaseBoundsNeverWidensThem() {
        CronScaling wide =
                new CronScaling(
                        ZoneOffset.UTC,
                        List.of(window("0 0 9 * * MON-FRI", "0 0 17 * * MON-FRI", 1, 80)));

        assertThat(wide.boundsAt(MONDAY_NOON_UTC, 3, 50)).isEqualTo(new ScaleBounds(3, 50, true));
    }

    @Test
    void aWindowWithoutBoundsKeepsTheBaseOnes() {
        CronScaling open =
                new CronScaling(
                        ZoneOffset.UTC,
                        List.of(window("0 0 9 * * MON-FRI", "0 0 17 * * MON-FRI", null, 4)));

        assertThat(open.boundsAt(MONDAY_NOON_UTC, 2, 50)).isEqualTo(new ScaleBounds(2, 4, true));
    }

    @Test
    void theFirstOpenWindowWins() {
        CronScaling cron =
                new CronScaling(
                        ZoneOffset.UTC,
                        List.of(
                                window("0 0 20 * * *", "0 0 22 * * *", 1, 1),
                                BUSINESS_HOURS,
                                window("0 0 0 * * *", "0 59 23 * * *", 7, 7)));

        assertThat(cron.boundsAt(MONDAY_NOON_UTC, 0, 50)).isEqualTo(new ScaleBounds(5, 10, true));
    }

    @Test
    void aNegativeWindowBoundIsNarrowedToTheBaseBoundsAsInNumaflow() {
        CronScaling negative =
                new CronScaling(
                        ZoneOffset.UTC,
                        List.of(window("0 0 9 * * MON-FRI", "0 0 17 * * MON-FRI", -4, -1)));

        assertThat(negative.boundsAt(MONDAY_NOON_UTC, 2, 50))
                .isEqualTo(new ScaleBounds(2, 2, true));
    }

    @Test
    void theTimeZoneDefaultsToUtc() {
        assertThat(new CronScaling(null, List.of()).timezone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aWindowWithMinAboveMaxIsRejected() {
        assertThatThrownBy(() -> window("0 0 9 * * *", "0 0 17 * * *", 6, 2))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("cron window min=6 is greater than max=2 (start \"0 0 9 * * *\")");
    }
}
