package dev.ballast.source.daemon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the daemon's {@code GET /api/v1/metrics} answer (grpc-gateway JSON):
 *
 * <pre>{@code
 * {"metrics":{"monoVertex":"my-mvtx",
 *   "processingRates":{"default":123.4,"1m":120.0,"5m":118.7,"15m":119.1},
 *   "pendings":{"default":"340","1m":"300","5m":"320","15m":"310"}}}
 * }</pre>
 *
 * Rates are doubles; pendings are int64 values, written as JSON strings (numbers are accepted too).
 * Every sentinel becomes an unknown reading: a missing key, map or {@code metrics} object, a
 * negative value (the daemon's -2^63 for "no rate yet", -1 for "cannot tell"), NaN or infinity.
 * Unknown fields are skipped. Thread-safe.
 */
final class DaemonResponseParser {

    /** The window the scaler reads; the others are reported alongside. */
    static final String DEFAULT_WINDOW = "default";

    private final JsonFactory json =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(32)
                                    .maxStringLength(1 << 16)
                                    .build())
                    .build();

    /**
     * Parses a response body.
     *
     * @param body the body (closed by the caller)
     * @param observedAt the time the answer arrived
     * @return readings for the default window, with the other windows alongside
     * @throws MalformedResponseException if the body is not the JSON object the daemon sends
     */
    ParsedMetrics parse(InputStream body, Instant observedAt) throws MalformedResponseException {
        try (JsonParser p = json.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedResponseException("empty body");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MalformedResponseException(
                        "expected a JSON object, got " + describe(first));
            }
            ParsedMetrics result = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("metrics".equals(field) && value == JsonToken.START_OBJECT) {
                    result = metrics(p, observedAt);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedResponseException("unexpected content after the JSON object");
            }
            return result != null ? result : ParsedMetrics.absent();
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedResponseException) {
                throw (MalformedResponseException) e;
            }
            throw new MalformedResponseException(firstLine(e.getMessage()));
        }
    }

    private ParsedMetrics metrics(JsonParser p, Instant at) throws IOException {
        String monoVertex = null;
        Map<String, Reading> rates = null;
        Map<String, Reading> pendings = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("monoVertex".equals(field) && value == JsonToken.VALUE_STRING) {
                monoVertex = p.getText();
            } else if ("processingRates".equals(field) && value == JsonToken.START_OBJECT) {
                rates = readingMap(p, at, true);
            } else if ("pendings".equals(field) && value == JsonToken.START_OBJECT) {
                pendings = readingMap(p, at, false);
            } else {
                p.skipChildren();
            }
        }
        return new ParsedMetrics(true, monoVertex, rates, pendings);
    }

    private Map<String, Reading> readingMap(JsonParser p, Instant at, boolean rate)
            throws IOException {
        Map<String, Reading> readings = new HashMap<>(8);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String window = p.currentName();
            JsonToken value = p.nextToken();
            readings.put(window, rate ? rate(p, value, at) : pending(p, value, at));
        }
        return readings;
    }

    private static Reading rate(JsonParser p, JsonToken token, Instant at) throws IOException {
        switch (token) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return classify(p.getDoubleValue(), "rate", at);
            case VALUE_STRING:
                return classify(p.getText(), "rate", at);
            case VALUE_NULL:
                return Reading.unknown(UnknownCause.NOT_REPORTED, "rate is null");
            default:
                p.skipChildren();
                return Reading.unknown(
                        UnknownCause.MALFORMED, "rate is " + describe(token) + ", not a number");
        }
    }

    private static Reading pending(JsonParser p, JsonToken token, Instant at) throws IOException {
        switch (token) {
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return classify(p.getBigIntegerValue().doubleValue(), "pending", at);
                }
                return classify(p.getLongValue(), at);
            case VALUE_NUMBER_FLOAT:
                return classify(p.getDoubleValue(), "pending", at);
            case VALUE_STRING:
                String text = p.getText().trim();
                try {
                    return classify(Long.parseLong(text), at);
                } catch (NumberFormatException e) {
                    return classify(text, "pending", at);
                }
            case VALUE_NULL:
                return Reading.unknown(UnknownCause.NOT_REPORTED, "pending is null");
            default:
                p.skipChildren();
                return Reading.unknown(
                        UnknownCause.MALFORMED, "pending is " + describe(token) + ", not a number");
        }
    }

    private static Reading classify(long pending, Instant at) {
        if (pending == Long.MIN_VALUE) {
            // The rater has no samples to average (just started). Unlike -1, which the source
            // writes and the daemon averages in with real values, it leaves no trace in the window.
            return Reading.unknown(
                    UnknownCause.NO_DATA, "pending " + pending + ": the daemon has no samples yet");
        }
        if (pending < 0) {
            return Reading.unknown(
                    UnknownCause.NOT_AVAILABLE, "pending " + pending + " means not available");
        }
        return Reading.known(pending, at);
    }

    private static final java.util.regex.Pattern JSON_NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static Reading classify(String text, String what, Instant at) {
        String trimmed = text.trim();
        double value;
        if (JSON_NUMBER.matcher(trimmed).matches()) {
            value = Double.parseDouble(trimmed);
        } else if (trimmed.equals("NaN")
                || trimmed.equals("Infinity")
                || trimmed.equals("-Infinity")) {
            value = Double.parseDouble(trimmed);
        } else {
            return Reading.unknown(
                    UnknownCause.MALFORMED, what + " '" + shorten(text) + "' is not a number");
        }
        return classify(value, what, at);
    }

    private static Reading classify(double value, String what, Instant at) {
        if (!Double.isFinite(value)) {
            return Reading.unknown(UnknownCause.NOT_FINITE, what + " " + value);
        }
        if (value < 0) {
            return Reading.unknown(
                    UnknownCause.NOT_AVAILABLE, what + " " + (long) value + " means not available");
        }
        return Reading.known(value, at);
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return "a number";
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The {@code metrics} object, or its absence. */
    static final class ParsedMetrics {
        private static final ParsedMetrics ABSENT = new ParsedMetrics(false, null, null, null);

        final boolean present;
        final String monoVertex;
        private final Map<String, Reading> rates;
        private final Map<String, Reading> pendings;

        ParsedMetrics(
                boolean present,
                String monoVertex,
                Map<String, Reading> rates,
                Map<String, Reading> pendings) {
            this.present = present;
            this.monoVertex = monoVertex;
            this.rates = rates;
            this.pendings = pendings;
        }

        static ParsedMetrics absent() {
            return ABSENT;
        }

        /** Readings of the default window, other windows alongside. */
        Readings readings() {
            if (!present) {
                return Readings.unknown(
                        UnknownCause.NOT_REPORTED, "the answer has no metrics object");
            }
            Reading rate = pick(rates, "processingRates");
            Reading pending = pick(pendings, "pendings");
            return Readings.of(rate, pending, others(rates), others(pendings));
        }

        private static Reading pick(Map<String, Reading> map, String name) {
            if (map == null) {
                return Reading.unknown(UnknownCause.NOT_REPORTED, "no " + name + " in the answer");
            }
            Reading reading = map.get(DEFAULT_WINDOW);
            return reading != null
                    ? reading
                    : Reading.unknown(
                            UnknownCause.NOT_REPORTED,
                            "no \"" + DEFAULT_WINDOW + "\" window in " + name);
        }

        private static Map<String, Reading> others(Map<String, Reading> map) {
            if (map == null || map.isEmpty()) {
                return Map.of();
            }
            Map<String, Reading> copy = new HashMap<>(map);
            copy.remove(DEFAULT_WINDOW);
            return copy;
        }
    }

    /** The body is not what the daemon sends. */
    static final class MalformedResponseException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedResponseException(String reason) {
            super(reason);
        }
    }
}
