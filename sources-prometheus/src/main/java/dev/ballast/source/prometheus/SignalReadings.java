package dev.ballast.source.prometheus;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns query answers into readings, the opposite of the common mistake: an empty answer, NaN,
 * +/-Inf, a negative value, a stale newest sample or a partial-data warning is unknown, never 0. A
 * real 0 comes only from a series that exists and is 0.
 */
final class SignalReadings {

    private SignalReadings() {}

    /** One signal's value from the samples found for a target (empty: none found). */
    static Reading reading(List<Double> values, String signal, boolean sum, Instant at) {
        if (values.isEmpty()) {
            return Reading.unknown(UnknownCause.NO_DATA, "no " + signal + " series");
        }
        double combined = sum ? 0 : Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return Reading.unknown(UnknownCause.NOT_FINITE, signal + " " + v);
            }
            if (v < 0) {
                return Reading.unknown(
                        UnknownCause.NOT_AVAILABLE, signal + " " + v + " means not available");
            }
            combined = sum ? combined + v : Math.max(combined, v);
        }
        return Reading.known(combined, at);
    }

    /**
     * The readings of one target.
     *
     * @param newestSample seconds since the epoch of the target's newest sample, if known
     * @param warnings the answers' warnings: any makes the readings unknown (partial data)
     */
    static Readings combine(
            Reading rate,
            Reading pending,
            OptionalDouble newestSample,
            List<String> warnings,
            Instant now,
            Duration staleAfter) {
        if (!warnings.isEmpty()) {
            return Readings.unknown(UnknownCause.NO_DATA, "partial data: " + warnings.get(0));
        }
        if (newestSample.isEmpty() && (rate.isKnown() || pending.isKnown())) {
            // Scrapes stopped: Prometheus marks the series stale at once, while range functions
            // go on answering from older samples for the whole lookback.
            return Readings.unknown(UnknownCause.STALE, "no recent sample (the series is stale)");
        }
        if (newestSample.isPresent()) {
            double age = now.toEpochMilli() / 1000.0 - newestSample.getAsDouble();
            if (age > staleAfter.toMillis() / 1000.0) {
                return Readings.unknown(
                        UnknownCause.STALE,
                        "newest sample is "
                                + Math.round(age)
                                + "s old (staleAfter "
                                + staleAfter.toSeconds()
                                + "s)");
            }
        }
        return Readings.of(rate, pending);
    }
}
