package dev.ballast.core.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * {@code spec.scale.cron}: time windows whose bounds replace the base {@code min}/{@code max}.
 *
 * @param timezone the zone the cron expressions are read in (default UTC)
 * @param schedules the windows; the first one open at a given time wins
 */
public record CronScaling(ZoneId timezone, List<CronWindow> schedules) {

    /** Numaflow's default time zone for cron windows. */
    public static final ZoneId DEFAULT_TIMEZONE = ZoneOffset.UTC;

    public CronScaling {
        timezone = timezone == null ? DEFAULT_TIMEZONE : timezone;
        schedules = List.copyOf(Objects.requireNonNull(schedules, "schedules"));
    }

    /**
     * The bounds in force at {@code at}: those of the first open window, each narrowed to {@code
     * [baseMin, baseMax]} (a window can only narrow the base bounds, never widen them), or the base
     * bounds when no window is open.
     */
    public ScaleBounds boundsAt(Instant at, int baseMin, int baseMax) {
        for (CronWindow window : schedules) {
            if (window.isActiveAt(at, timezone)) {
                int min =
                        window.min().isPresent()
                                ? clamp(window.min().getAsInt(), baseMin, baseMax)
                                : baseMin;
                int max =
                        window.max().isPresent()
                                ? clamp(window.max().getAsInt(), baseMin, baseMax)
                                : baseMax;
                return new ScaleBounds(min, max, true);
            }
        }
        return new ScaleBounds(baseMin, baseMax, false);
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
