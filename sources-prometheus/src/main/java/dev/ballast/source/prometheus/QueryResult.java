package dev.ballast.source.prometheus;

import java.util.List;
import java.util.Map;

/**
 * An instant vector from {@code /api/v1/query}.
 *
 * @param samples one per series
 * @param warnings the answer's warnings (partial data, for example)
 */
record QueryResult(List<Sample> samples, List<String> warnings) {

    /** One series' labels, value and timestamp (seconds since the epoch). */
    record Sample(Map<String, String> labels, double value, double timestamp) {}
}
