package dev.ballast.source.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Prometheus's query answer: {@code {"status":"success","data":{"resultType":"vector",
 * "result":[{"metric":{...},"value":[1700000000.123,"42"]}]},"warnings":[...]}}, streaming, so that
 * a batch answer for 100,000 targets is read in one pass.
 */
final class QueryResponseParser {

    private final JsonFactory json = new JsonFactory();

    /** The answer was not a successful vector. */
    static final class QueryException extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean malformed;

        QueryException(String message, boolean malformed) {
            super(message);
            this.malformed = malformed;
        }
    }

    QueryResult parse(InputStream body) throws IOException {
        String status = null;
        String errorType = null;
        String error = null;
        String resultType = null;
        List<QueryResult.Sample> samples = null;
        List<String> warnings = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new QueryException("expected a JSON object", true);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "status":
                        status = p.getValueAsString();
                        break;
                    case "errorType":
                        errorType = p.getValueAsString();
                        break;
                    case "error":
                        error = p.getValueAsString();
                        break;
                    case "warnings":
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                warnings.add(p.getValueAsString());
                            }
                        } else {
                            p.skipChildren();
                        }
                        break;
                    case "data":
                        if (t != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String dataField = p.currentName();
                            JsonToken dt = p.nextToken();
                            if ("resultType".equals(dataField)) {
                                resultType = p.getValueAsString();
                            } else if ("result".equals(dataField) && dt == JsonToken.START_ARRAY) {
                                samples = samples(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
        } catch (QueryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new QueryException("malformed JSON: " + firstLine(e.getMessage()), true);
        }
        if (!"success".equals(status)) {
            throw new QueryException(
                    "query failed: " + (errorType == null ? "" : errorType + ": ") + error, false);
        }
        if (!"vector".equals(resultType) || samples == null) {
            throw new QueryException(
                    "expected an instant vector, got resultType " + resultType, true);
        }
        return new QueryResult(samples, warnings);
    }

    private static List<QueryResult.Sample> samples(JsonParser p) throws IOException {
        List<QueryResult.Sample> samples = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> labels = Map.of();
            double value = Double.NaN;
            double timestamp = Double.NaN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("metric".equals(field) && t == JsonToken.START_OBJECT) {
                    labels = new HashMap<>(4);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        labels.put(name, p.getValueAsString());
                    }
                } else if ("value".equals(field) && t == JsonToken.START_ARRAY) {
                    p.nextToken();
                    timestamp = p.getValueAsDouble(Double.NaN);
                    p.nextToken();
                    value = number(p.getValueAsString());
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
            samples.add(new QueryResult.Sample(labels, value, timestamp));
        }
        return samples;
    }

    /** Prometheus writes sample values as strings: "42", "NaN", "+Inf", "-Inf". */
    private static double number(String text) {
        if (text == null) {
            return Double.NaN;
        }
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
