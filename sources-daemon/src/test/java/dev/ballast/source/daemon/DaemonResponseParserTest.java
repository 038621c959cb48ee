package dev.ballast.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies shaped like the daemon's (numaflow.md section 5), good and bad. */
class DaemonResponseParserTest {

    static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    final DaemonResponseParser parser = new DaemonResponseParser();

    Readings parse(String body) throws Exception {
        return parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), AT)
                .readings();
    }

    static UnknownCause causeOf(Reading reading) {
        assertThat(reading.isKnown()).as("expected unknown, got %s", reading).isFalse();
        return ((Reading.Unknown) reading).cause();
    }

    @Test
    void readsTheDefaultWindowAndKeepsTheOthers() throws Exception {
        Readings r =
                parse(
                        "{\"metrics\":{\"monoVertex\":\"my-mvtx\","
                            + "\"processingRates\":{\"default\":123.4,\"1m\":120.0,\"5m\":118.7,\"15m\":119.1},"
                            + "\"pendings\":{\"default\":\"340\",\"1m\":\"300\",\"5m\":\"320\",\"15m\":\"310\"}}}");

        assertThat(r.rate()).isEqualTo(Reading.known(123.4, AT));
        assertThat(r.pending()).isEqualTo(Reading.known(340, AT));
        assertThat(r.rateWindows())
                .containsOnlyKeys("1m", "5m", "15m")
                .containsEntry("5m", Reading.known(118.7, AT));
        assertThat(r.pendingWindows()).containsEntry("15m", Reading.known(310, AT));
    }

    @Test
    void aKnownZeroIsZero() throws Exception {
        Readings r =
                parse(
                        "{\"metrics\":{\"monoVertex\":\"m\",\"processingRates\":{\"default\":0},"
                                + "\"pendings\":{\"default\":\"0\"}}}");

        assertThat(r.rate()).isEqualTo(Reading.known(0, AT));
        assertThat(r.pending()).isEqualTo(Reading.known(0, AT));
    }

    static Stream<Arguments> sentinels() {
        return Stream.of(
                Arguments.of(
                        "rate -2^63 as the daemon prints it",
                        "-9223372036854776000",
                        "\"0\"",
                        UnknownCause.NOT_AVAILABLE,
                        null),
                Arguments.of(
                        "rate -2^63 exactly",
                        "-9223372036854775808",
                        "\"0\"",
                        UnknownCause.NOT_AVAILABLE,
                        null),
                Arguments.of("rate -1", "-1", "\"0\"", UnknownCause.NOT_AVAILABLE, null),
                Arguments.of("rate NaN", "\"NaN\"", "\"0\"", UnknownCause.NOT_FINITE, null),
                Arguments.of(
                        "rate Infinity", "\"Infinity\"", "\"0\"", UnknownCause.NOT_FINITE, null),
                Arguments.of("rate null", "null", "\"0\"", UnknownCause.NOT_REPORTED, null),
                Arguments.of(
                        "rate not a number", "\"fast\"", "\"0\"", UnknownCause.MALFORMED, null),
                Arguments.of("rate an object", "{\"v\":1}", "\"0\"", UnknownCause.MALFORMED, null),
                Arguments.of(
                        "rate a Java-only number",
                        "\"12d\"",
                        "\"0\"",
                        UnknownCause.MALFORMED,
                        null),
                Arguments.of(
                        "rate a hex float", "\"0x1p3\"", "\"0\"", UnknownCause.MALFORMED, null),
                Arguments.of(
                        "pending MinInt64 string",
                        "1.5",
                        "\"-9223372036854775808\"",
                        null,
                        UnknownCause.NO_DATA),
                Arguments.of(
                        "pending MinInt64 number",
                        "1.5",
                        "-9223372036854775808",
                        null,
                        UnknownCause.NO_DATA),
                Arguments.of(
                        "pending -1 string", "1.5", "\"-1\"", null, UnknownCause.NOT_AVAILABLE),
                Arguments.of("pending -1 number", "1.5", "-1", null, UnknownCause.NOT_AVAILABLE),
                Arguments.of(
                        "pending below MinInt64",
                        "1.5",
                        "-92233720368547758080",
                        null,
                        UnknownCause.NOT_AVAILABLE),
                Arguments.of("pending NaN", "1.5", "\"NaN\"", null, UnknownCause.NOT_FINITE),
                Arguments.of("pending garbage", "1.5", "\"lots\"", null, UnknownCause.MALFORMED),
                Arguments.of("pending an array", "1.5", "[1]", null, UnknownCause.MALFORMED),
                Arguments.of("pending null", "1.5", "null", null, UnknownCause.NOT_REPORTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentinels")
    void everySentinelIsUnknownNeverANumber(
            String name,
            String rate,
            String pending,
            UnknownCause rateCause,
            UnknownCause pendingCause)
            throws Exception {
        Readings r =
                parse(
                        "{\"metrics\":{\"processingRates\":{\"default\":"
                                + rate
                                + "},\"pendings\":{\"default\":"
                                + pending
                                + "}}}");

        if (rateCause != null) {
            assertThat(causeOf(r.rate())).isEqualTo(rateCause);
            assertThat(r.pending()).isEqualTo(Reading.known(0, AT));
        } else {
            assertThat(r.rate()).isEqualTo(Reading.known(1.5, AT));
            assertThat(causeOf(r.pending())).isEqualTo(pendingCause);
        }
    }

    @Test
    void theRateSentinelIsExplainedWithTheDaemonsNumber() throws Exception {
        Readings r =
                parse(
                        "{\"metrics\":{\"processingRates\":{\"default\":-9223372036854776000},"
                                + "\"pendings\":{\"default\":\"0\"}}}");

        assertThat(r.rate())
                .hasToString(
                        "unknown(NOT_AVAILABLE: rate -9223372036854775808 means not available)");
    }

    @Test
    void pendingsMayBeMissingLikeOldDaemonsDo() throws Exception {
        Readings r =
                parse("{\"metrics\":{\"monoVertex\":\"m\",\"processingRates\":{\"default\":5}}}");

        assertThat(r.rate()).isEqualTo(Reading.known(5, AT));
        assertThat(causeOf(r.pending())).isEqualTo(UnknownCause.NOT_REPORTED);
        assertThat(r.pending()).hasToString("unknown(NOT_REPORTED: no pendings in the answer)");
    }

    @Test
    void emptyMapsAreOmittedByTheGatewaySoBothAreUnknown() throws Exception {
        Readings r = parse("{\"metrics\":{\"monoVertex\":\"m\"}}");

        assertThat(causeOf(r.rate())).isEqualTo(UnknownCause.NOT_REPORTED);
        assertThat(causeOf(r.pending())).isEqualTo(UnknownCause.NOT_REPORTED);
    }

    @Test
    void aMissingDefaultWindowIsUnknown() throws Exception {
        Readings r =
                parse("{\"metrics\":{\"processingRates\":{\"1m\":5},\"pendings\":{\"1m\":\"7\"}}}");

        assertThat(r.rate())
                .hasToString("unknown(NOT_REPORTED: no \"default\" window in processingRates)");
        assertThat(r.rateWindows()).containsEntry("1m", Reading.known(5, AT));
    }

    @Test
    void anAbsentMetricsObjectIsUnknown() throws Exception {
        assertThat(causeOf(parse("{}").rate())).isEqualTo(UnknownCause.NOT_REPORTED);
        assertThat(causeOf(parse("{\"metrics\":null}").pending()))
                .isEqualTo(UnknownCause.NOT_REPORTED);
        assertThat(parse("{\"metrics\":\"x\"}").allKnown()).isFalse();
    }

    @Test
    void unknownFieldsAreSkipped() throws Exception {
        Readings r =
                parse(
                        "{\"apiVersion\":\"v9\",\"metrics\":{\"monoVertex\":\"m\",\"extra\":{\"a\":[1,2,{\"b\":null}]},"
                            + "\"processingRates\":{\"default\":2.5},\"watermarks\":[1,2],"
                            + "\"pendings\":{\"default\":10}},\"trailer\":true}");

        assertThat(r.rate()).isEqualTo(Reading.known(2.5, AT));
        assertThat(r.pending()).isEqualTo(Reading.known(10, AT));
    }

    @Test
    void theMonoVertexNameIsReported() throws Exception {
        DaemonResponseParser.ParsedMetrics parsed =
                parser.parse(
                        new ByteArrayInputStream(
                                "{\"metrics\":{\"monoVertex\":\"orders\"}}"
                                        .getBytes(StandardCharsets.UTF_8)),
                        AT);

        assertThat(parsed.monoVertex).isEqualTo("orders");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "empty body"),
                Arguments.of("   ", "empty body"),
                Arguments.of(
                        "<html><body>502 Bad Gateway</body></html>", "Unexpected character ('<'"),
                Arguments.of("[1,2]", "expected a JSON object, got an array"),
                Arguments.of("\"metrics\"", "expected a JSON object, got a string"),
                Arguments.of(
                        "{\"metrics\":{\"processingRates\":{\"default\":1",
                        "Unexpected end-of-input"),
                Arguments.of("{} {}", "unexpected content after the JSON object"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedBodyIsAnErrorWithTheReason(String body, String reason) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(DaemonResponseParser.MalformedResponseException.class)
                .hasMessageContaining(reason);
    }
}
