package dev.ballast.core.model;

import dev.ballast.core.cron.CronExpression;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of {@code spec.scale.cron.schedules}: a window that opens at each {@code start} and
 * closes at the following {@code end}, with optional bounds that replace the base ones while open.
 *
 * @param start when the window opens (6-field cron, seconds first)
 * @param end when the window closes
 * @param min replaces {@code scale.min} while open, narrowed to the base bounds
 * @param max replaces {@code scale.max} while open, narrowed to the base bounds
 */
public record CronWindow(
        CronExpression start, CronExpression end, OptionalInt min, OptionalInt max) {

    public CronWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        min = min == null ? OptionalInt.empty() : min;
        max = max == null ? OptionalInt.empty() : max;
        if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
            throw new InvalidSpecException(
                    "cron window min="
                            + min.getAsInt()
                            + " is greater than max="
                            + max.getAsInt()
                            + " (start \""
                            + start
                            + "\")");
        }
    }

    /**
     * Whether the window is open at {@code at}: the next {@code end} comes before the next {@code
     * start}, as Numaflow decides it. An end that never fires again keeps the window open as long
     * as a start is still to come; a start that never fires again closes it.
     */
    public boolean isActiveAt(ZonedDateTime at) {
        Optional<ZonedDateTime> nextEnd = end.next(at);
        Optional<ZonedDateTime> nextStart = start.next(at);
        if (nextEnd.isEmpty()) {
            return nextStart.isPresent();
        }
        return nextStart.isPresent() && nextEnd.get().isBefore(nextStart.get());
    }

    /** Same as {@link #isActiveAt(ZonedDateTime)} for an instant seen in {@code zone}. */
    public boolean isActiveAt(java.time.Instant at, ZoneId zone) {
        return isActiveAt(at.atZone(zone));
    }

    @Override
    public String toString() {
        return "{start: \""
                + start
                + "\", end: \""
                + end
                + "\""
                + (min.isPresent() ? ", min: " + min.getAsInt() : "")
                + (max.isPresent() ? ", max: " + max.getAsInt() : "")
                + "}";
    }
}
