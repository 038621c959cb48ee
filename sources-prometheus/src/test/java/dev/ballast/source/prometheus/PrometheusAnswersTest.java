package dev.ballast.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.MapConfigView;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.UnknownCause;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.ProviderContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers Prometheus can give, served by a MockWebServer, and what they become. */
class PrometheusAnswersTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Target ORDERS =
            Target.of(TargetRef.monoVertex("prod", "or\"ders"), ScaleSpec.defaults());

    MockWebServer server = new MockWebServer();
    PrometheusMetricSource source;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        server.close();
    }

    PrometheusMetricSource source(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.putIfAbsent("url", server.url("/prom").toString());
        settings.putIfAbsent("batch", false);
        MapConfigView root = MapConfigView.root(Map.of("prometheus", settings));
        source =
                (PrometheusMetricSource)
                        new PrometheusSourceProvider()
                                .create(
                                        ProviderContext.of(
                                                root.section("prometheus"),
                                                Clock.fixed(NOW, ZoneOffset.UTC)));
        return source;
    }

    static String vector(String value, double timestamp) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":["
                + timestamp
                + ",\""
                + value
                + "\"]}]}}";
    }

    static final String EMPTY =
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";

    /** Answers each of the three queries by what it asks, whatever order they arrive in. */
    void answer(String rate, String pending, String freshness) {
        server.setDispatcher(
                new mockwebserver3.Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        String query =
                                java.net.URLDecoder.decode(
                                        request.getBody().utf8(),
                                        java.nio.charset.StandardCharsets.UTF_8);
                        String body =
                                query.contains("timestamp(")
                                        ? freshness
                                        : query.contains("pending") ? pending : rate;
                        return new MockResponse.Builder().body(body).build();
                    }
                });
    }

    Readings read() throws Exception {
        return source.read(ORDERS).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static UnknownCause cause(Reading r) {
        return ((Reading.Unknown) r).cause();
    }

    double fresh() {
        return NOW.getEpochSecond() - 5;
    }

    @Test
    void sendsEscapedQueriesWithTheTargetsLookback() throws Exception {
        source(Map.of());
        answer(
                vector("12.5", fresh()),
                vector("40", fresh()),
                vector(Double.toString(fresh()), fresh()));

        Readings r = read();

        assertThat(r.rate()).isEqualTo(Reading.known(12.5, NOW));
        assertThat(r.pending()).isEqualTo(Reading.known(40, NOW));
        java.util.List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getTarget()).isEqualTo("/prom/api/v1/query");
            bodies.add(
                    java.net.URLDecoder.decode(
                            request.getBody().utf8(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(bodies)
                .contains(
                        "query=sum(rate(monovtx_read_total{namespace=\"prod\",mvtx_name=\"or\\\"ders\"}[120s]))");
    }

    @Test
    void emptyNanAndInfiniteAnswersAreUnknown() throws Exception {
        source(Map.of());
        answer(EMPTY, vector("NaN", fresh()), vector(Double.toString(fresh()), fresh()));
        Readings r = read();
        assertThat(cause(r.rate())).isEqualTo(UnknownCause.NO_DATA);
        assertThat(cause(r.pending())).isEqualTo(UnknownCause.NOT_FINITE);

        answer(
                vector("+Inf", fresh()),
                vector("-1", fresh()),
                vector(Double.toString(fresh()), fresh()));
        r = read();
        assertThat(cause(r.rate())).isEqualTo(UnknownCause.NOT_FINITE);
        assertThat(cause(r.pending())).isEqualTo(UnknownCause.NOT_AVAILABLE);
    }

    @Test
    void aStaleNewestSampleMakesBothUnknown() throws Exception {
        source(Map.of("staleAfter", "1m"));
        double old = NOW.getEpochSecond() - 300;
        answer(vector("0", fresh()), vector("0", fresh()), vector(Double.toString(old), fresh()));

        Readings r = read();

        assertThat(cause(r.rate())).isEqualTo(UnknownCause.STALE);
        assertThat(r.rate())
                .hasToString("unknown(STALE: newest sample is 300s old (staleAfter 60s))");
    }

    @Test
    void noRecentSampleMakesBothUnknownEvenWhileRangeFunctionsStillAnswer() throws Exception {
        source(Map.of());
        answer(vector("0", fresh()), vector("0", fresh()), EMPTY);

        Readings r = read();

        assertThat(cause(r.rate())).isEqualTo(UnknownCause.STALE);
        assertThat(cause(r.pending())).isEqualTo(UnknownCause.STALE);
    }

    @Test
    void aPartialDataWarningMakesBothUnknown() throws Exception {
        source(Map.of());
        String warned =
                "{\"status\":\"success\",\"warnings\":[\"partial response: store 2"
                    + " down\"],\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"0\"]}]}}";
        answer(warned, vector("0", fresh()), vector(Double.toString(fresh()), fresh()));

        Readings r = read();

        assertThat(cause(r.rate())).isEqualTo(UnknownCause.NO_DATA);
        assertThat(r.pending())
                .hasToString("unknown(NO_DATA: partial data: partial response: store 2 down)");
    }

    @Test
    void anErrorAnswerIsAFailureNeverAZero() throws Exception {
        source(Map.of());
        String error =
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char"
                        + " 4\"}";
        server.setDispatcher(
                new mockwebserver3.Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return new MockResponse.Builder().code(400).body(error).build();
                    }
                });

        ExecutionException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        ExecutionException.class,
                        () -> source.read(ORDERS).toCompletableFuture().get(10, TimeUnit.SECONDS));

        MetricSourceException failure = (MetricSourceException) e.getCause();
        assertThat(failure.failure()).isEqualTo(MetricSourceException.Failure.REJECTED);
        assertThat(failure)
                .hasMessageContaining(
                        "answered HTTP 400: query failed: bad_data: parse error at char 4");
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(
                        () ->
                                source(
                                        Map.of(
                                                "rateQuery",
                                                "sum(rate(x{pod=\"{pod}\"}[{lookback}s]))")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "prometheus.rateQuery: 'sum(rate(x{pod=\"{pod}\"}[{lookback}s]))' is not"
                                + " valid; unknown placeholder {pod} (allowed: {namespace}, {name},"
                                + " {lookback})");
        assertThatThrownBy(() -> source(Map.of("basicAuth", Map.of("username", "ballast"))))
                .hasMessage(
                        "prometheus.basicAuth: basic auth needs both username and passwordFile, got"
                                + " only username");
        assertThatThrownBy(() -> source(Map.of("insecureSkipVerify", true, "caFile", "/ca.pem")))
                .hasMessageContaining("prometheus.insecureSkipVerify");
    }

    @Test
    void httpsIsVerifiedAgainstTheCaFileAndARefusedCertificateIsNotTransient(@TempDir Path dir)
            throws Exception {
        HeldCertificate certificate =
                new HeldCertificate.Builder()
                        .commonName("localhost")
                        .addSubjectAlternativeName("localhost")
                        .build();
        try (MockWebServer tls = new MockWebServer()) {
            tls.useHttps(
                    new HandshakeCertificates.Builder()
                            .heldCertificate(certificate)
                            .build()
                            .sslSocketFactory());
            tls.setDispatcher(
                    new mockwebserver3.Dispatcher() {
                        @Override
                        public MockResponse dispatch(RecordedRequest request) {
                            return new MockResponse.Builder().body(EMPTY).build();
                        }
                    });
            tls.start(java.net.InetAddress.getByName("localhost"), 0);
            String url = tls.url("/prom").toString();
            Path ca = Files.writeString(dir.resolve("ca.pem"), certificate.certificatePem());

            source(Map.of("url", url, "caFile", ca.toString()));
            assertThat(cause(read().rate()))
                    .as("answered: no series")
                    .isEqualTo(UnknownCause.NO_DATA);
            source.close();

            source(Map.of("url", url));
            ExecutionException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            ExecutionException.class,
                            () ->
                                    source.read(ORDERS)
                                            .toCompletableFuture()
                                            .get(10, TimeUnit.SECONDS));
            MetricSourceException failure = (MetricSourceException) e.getCause();
            assertThat(failure.failure()).isEqualTo(MetricSourceException.Failure.REJECTED);
            assertThat(failure.failure().isTransient()).isFalse();
            assertThat(failure).hasMessageContaining("failed TLS verification");
        }
    }

    @Test
    void aCaFileThatCannotBeUsedNamesItsKey(@TempDir Path dir) {
        Path missing = dir.resolve("none.pem");

        assertThatThrownBy(() -> source(Map.of("caFile", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("prometheus.caFile: '" + missing + "' cannot be read");
    }

    @Test
    void aValueHoldingAPlaceholderIsNotFilledInAgain() {
        PromQl q =
                PromQl.parse(
                        "k",
                        "x{namespace=\"{namespace}\",mvtx_name=\"{name}\"}[{lookback}s]",
                        "namespace",
                        "name",
                        "lookback");

        assertThat(q.forTarget(TargetRef.monoVertex("{name}", "{lookback}"), 60))
                .isEqualTo("x{namespace=\"{name}\",mvtx_name=\"{lookback}\"}[60s]");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(PromQl.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
