package dev.ballast.source.daemon;

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
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import dev.ballast.core.spi.MetricSourceProvider;
import dev.ballast.core.spi.ProviderContext;
import dev.ballast.core.spi.SourceFailures;
import dev.ballast.core.testing.TestingClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon source against an emulated daemon over real HTTP and TLS. */
class DaemonMetricSourceTest {

    static final Target ORDERS =
            Target.of(TargetRef.monoVertex("prod", "orders"), ScaleSpec.defaults());

    final TestingClock clock = TestingClock.atDefaultStart();
    final Instant now = clock.instant();
    EmulatedDaemon daemon;
    MetricSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    static MetricSourceProvider provider() {
        return ServiceLoader.load(MetricSourceProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("daemon"))
                .findFirst()
                .orElseThrow();
    }

    MetricSource source(Map<String, Object> settings) {
        Map<String, Object> section = new HashMap<>(settings);
        MapConfigView root = MapConfigView.root(Map.of("source", Map.of("daemon", section)));
        source =
                provider()
                        .create(
                                ProviderContext.of(
                                        root.section("source").section("daemon"), clock));
        return source;
    }

    /**
     * A source pointed at the emulated daemon through a template, over 127.0.0.1 (not in the
     * certificate).
     */
    MetricSource sourceFor(EmulatedDaemon d, Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(extra);
        settings.putIfAbsent(
                "urlTemplate", "https://127.0.0.1:" + d.port() + "/daemons/{namespace}/{name}");
        settings.putIfAbsent("timeout", "2s");
        settings.putIfAbsent("connectTimeout", "1s");
        return source(settings);
    }

    Readings read() throws Exception {
        return source.read(ORDERS).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    MetricSourceException failure() {
        ExecutionException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        ExecutionException.class,
                        () -> source.read(ORDERS).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(MetricSourceException.class);
        return (MetricSourceException) e.getCause();
    }

    @Test
    void asksTheDaemonExactlyAsItExpects() throws Exception {
        daemon = EmulatedDaemon.start().answer(EmulatedDaemon.metrics("orders", 123.4, 340));
        sourceFor(daemon, Map.of());

        Readings r = read();

        RecordedRequest request = daemon.server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/daemons/prod/orders/api/v1/metrics");
        assertThat(request.getVersion()).isEqualTo("HTTP/1.1");
        assertThat(request.getHandshake()).isNotNull();
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(r.rate()).isEqualTo(Reading.known(123.4, now));
        assertThat(r.pending()).isEqualTo(Reading.known(340, now));
        assertThat(r.rateWindows()).containsEntry("1m", Reading.known(123.4, now));
    }

    @Test
    void unknownSentinelsOverTheWireAreUnknownReadings() throws Exception {
        daemon =
                EmulatedDaemon.start()
                        .answer(
                                "{\"metrics\":{\"monoVertex\":\"orders\",\"processingRates\":{\"default\":-9223372036854776000},"
                                    + "\"pendings\":{\"default\":\"-9223372036854775808\"}}}");
        sourceFor(daemon, Map.of());

        Readings r = read();

        assertThat(((Reading.Unknown) r.rate()).cause()).isEqualTo(UnknownCause.NOT_AVAILABLE);
        assertThat(((Reading.Unknown) r.pending()).cause()).isEqualTo(UnknownCause.NO_DATA);
    }

    @Test
    void serverErrorsMayPassAndSayWhatTheServerSaid() throws Exception {
        daemon =
                EmulatedDaemon.start()
                        .answer(
                                new MockResponse.Builder()
                                        .code(500)
                                        .body("internal\n error")
                                        .build())
                        .answer(new MockResponse.Builder().code(503).body("").build())
                        .answer(new MockResponse.Builder().code(429).body("slow down").build());
        sourceFor(daemon, Map.of());

        MetricSourceException e500 = failure();
        MetricSourceException e503 = failure();
        MetricSourceException e429 = failure();

        assertThat(e500.failure()).isEqualTo(Failure.SERVER_ERROR);
        assertThat(e500)
                .hasMessageStartingWith("GET https://127.0.0.1:")
                .hasMessageEndingWith(
                        "/daemons/prod/orders/api/v1/metrics answered HTTP 500: internal error");
        assertThat(e503.failure()).isEqualTo(Failure.SERVER_ERROR);
        assertThat(e503).hasMessageEndingWith("answered HTTP 503");
        assertThat(e429.failure()).isEqualTo(Failure.SERVER_ERROR);
    }

    @Test
    void otherStatusesWillNotPass() throws Exception {
        daemon =
                EmulatedDaemon.start()
                        .answer(
                                new MockResponse.Builder()
                                        .code(404)
                                        .body("404 page not found")
                                        .build());
        sourceFor(daemon, Map.of());

        MetricSourceException e = failure();

        assertThat(e.failure()).isEqualTo(Failure.REJECTED);
        assertThat(e).hasMessageEndingWith("answered HTTP 404: 404 page not found");
    }

    @Test
    void anHtmlErrorPageWithStatus200IsMalformed() throws Exception {
        daemon =
                EmulatedDaemon.start().answer("<html><body><h1>502 Bad Gateway</h1></body></html>");
        sourceFor(daemon, Map.of());

        MetricSourceException e = failure();

        assertThat(e.failure()).isEqualTo(Failure.MALFORMED);
        assertThat(e).hasMessageContaining("answered malformed JSON: Unexpected character ('<'");
        assertThat(SourceFailures.toUnknownReadings(e).rate())
                .isInstanceOfSatisfying(
                        Reading.Unknown.class,
                        u -> assertThat(u.cause()).isEqualTo(UnknownCause.MALFORMED));
    }

    @Test
    void anEmptyBodyIsMalformed() throws Exception {
        daemon = EmulatedDaemon.start().answer("");
        sourceFor(daemon, Map.of());

        assertThat(failure()).hasMessageEndingWith("answered malformed JSON: empty body");
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        daemon = EmulatedDaemon.start().answer("{\"pad\":\"" + "x".repeat(1 << 20) + "\"}");
        sourceFor(daemon, Map.of());

        MetricSourceException e = failure();

        assertThat(e.failure()).isEqualTo(Failure.MALFORMED);
        assertThat(e).hasMessageEndingWith("answered more than 1048576 bytes");
    }

    @Test
    void anAnswerForAnotherMonoVertexIsRejected() throws Exception {
        daemon = EmulatedDaemon.start().answer(EmulatedDaemon.metrics("payments", 1, 1));
        sourceFor(daemon, Map.of());

        MetricSourceException e = failure();

        assertThat(e.failure()).isEqualTo(Failure.REJECTED);
        assertThat(e)
                .hasMessageEndingWith(
                        "answered for MonoVertex 'payments', expected 'orders' (check"
                                + " source.daemon.urlTemplate)");
    }

    @Test
    void aSlowDaemonTimesOut() throws Exception {
        daemon =
                EmulatedDaemon.start()
                        .answer(
                                new MockResponse.Builder()
                                        .body(EmulatedDaemon.metrics("orders", 1, 1))
                                        .headersDelay(5, TimeUnit.SECONDS)
                                        .build());
        sourceFor(daemon, Map.of("timeout", "300ms", "connectTimeout", "300ms"));

        MetricSourceException e = failure();

        assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
        assertThat(e.failure().isTransient()).isTrue();
        assertThat(e).hasMessageContaining("timed out");
    }

    @Test
    void readsQueuedForASlotPastHalfTheirTimeoutAreDroppedUnsent() throws Exception {
        int reads = 10;
        daemon = EmulatedDaemon.start();
        for (int i = 0; i < reads; i++) {
            daemon.answer(
                    new MockResponse.Builder()
                            .body(EmulatedDaemon.metrics("orders", 1, 1))
                            .headersDelay(5, TimeUnit.SECONDS)
                            .build());
        }
        sourceFor(
                daemon,
                Map.of(
                        "timeout",
                        "2s",
                        "connectTimeout",
                        "1s",
                        "maxConcurrentRequests",
                        1,
                        "maxRequestsPerHost",
                        1));

        List<CompletableFuture<Readings>> queued = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            queued.add(source.read(ORDERS).toCompletableFuture());
        }

        List<Failure> failures = new ArrayList<>();
        for (CompletableFuture<Readings> read : queued) {
            ExecutionException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
            MetricSourceException failure = (MetricSourceException) e.getCause();
            failures.add(failure.failure());
            if (failure.failure() == Failure.OVERLOADED) {
                assertThat(failure).hasMessageContaining("was not sent");
            }
        }
        // One slot and a hung daemon: sent one after the other, each read would wait its own
        // 2 s and all ten would reach the daemon. Their deadlines count from the read, so when
        // the first has timed out the rest have waited more than half theirs and are not sent:
        // that is Ballast's backlog, not the daemon's timeout.
        assertThat(failures.get(0)).isEqualTo(Failure.TIMEOUT);
        assertThat(failures.subList(1, reads)).containsOnly(Failure.OVERLOADED);
        assertThat(daemon.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aConnectionCutBeforeTheAnswerIsUnreachable() throws Exception {
        daemon =
                EmulatedDaemon.start()
                        .answer(
                                new MockResponse.Builder()
                                        .onRequestStart(
                                                new SocketEffect.CloseSocket(true, false, false))
                                        .build())
                        .answer(
                                new MockResponse.Builder()
                                        .body(EmulatedDaemon.metrics("orders", 1, 1))
                                        .onResponseStart(
                                                new SocketEffect.CloseSocket(true, false, false))
                                        .build());
        sourceFor(daemon, Map.of());

        MetricSourceException atRequest = failure();
        MetricSourceException atResponse = failure();

        assertThat(atRequest.failure()).as(atRequest.getMessage()).isEqualTo(Failure.UNREACHABLE);
        assertThat(atResponse.failure()).as(atResponse.getMessage()).isEqualTo(Failure.UNREACHABLE);
        assertThat(atResponse.failure().isTransient()).isTrue();
    }

    @Test
    void aDaemonThatRestartsIsRefusedThenUnknownThenKnown() throws Exception {
        daemon = EmulatedDaemon.start();
        int port = daemon.port();
        sourceFor(daemon, Map.of());
        daemon.close(); // the daemon pod restarts

        MetricSourceException refused = failure();
        assertThat(refused.failure()).isEqualTo(Failure.UNREACHABLE);
        assertThat(refused).hasMessageContaining("could not connect");

        daemon = EmulatedDaemon.startOn(port); // back, with a new self-signed certificate
        daemon.answer(EmulatedDaemon.rateNotYetKnown("orders"))
                .answer(EmulatedDaemon.rateNotYetKnown("orders"))
                .answer(EmulatedDaemon.metrics("orders", 42, 0));

        Readings warmingUp = read();
        assertThat(warmingUp.rate().isKnown()).isFalse();
        assertThat(warmingUp.pending()).isEqualTo(Reading.known(0, now));
        assertThat(read().rate().isKnown()).isFalse();
        assertThat(read().rate()).isEqualTo(Reading.known(42, now));
    }

    @Test
    void sendsTheBearerTokenFromItsFile(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "s3cr3t\n", StandardCharsets.UTF_8);
        daemon = EmulatedDaemon.start().answer(EmulatedDaemon.metrics("orders", 1, 1));
        sourceFor(daemon, Map.of("bearerTokenFile", token.toString()));

        read();

        assertThat(daemon.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer s3cr3t");
    }

    @Test
    void aTokenThatCannotGoInAHeaderIsRejectedAtStart(@TempDir Path dir) throws Exception {
        Path token =
                Files.writeString(dir.resolve("token"), "\uFEFFs3cr3t", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> source(Map.of("bearerTokenFile", token.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot go in an HTTP header (U+FEFF at 0)");
    }

    @Test
    void verifyModeTrustsTheGivenCaAndChecksTheHostName(@TempDir Path dir) throws Exception {
        daemon = EmulatedDaemon.start().answer(EmulatedDaemon.metrics("orders", 1, 2));
        Path ca = Files.writeString(dir.resolve("ca.pem"), daemon.certificate.certificatePem());
        Map<String, Object> verify = Map.of("tls", "verify", "caFile", ca.toString());

        sourceFor(
                daemon,
                withTemplate(verify, "https://localhost:" + daemon.port() + "/{namespace}/{name}"));
        assertThat(read().pending()).isEqualTo(Reading.known(2, now));
        source.close();

        sourceFor(daemon, verify); // 127.0.0.1 is not in the certificate
        MetricSourceException e = failure();
        assertThat(e.failure()).isEqualTo(Failure.REJECTED);
        assertThat(e).hasMessageContaining("failed TLS verification");
    }

    @Test
    void verifyModeWithTheSystemCasRejectsASelfSignedDaemon() throws Exception {
        daemon = EmulatedDaemon.start().answer(EmulatedDaemon.metrics("orders", 1, 2));
        sourceFor(
                daemon,
                withTemplate(
                        Map.of("tls", "verify"), "https://localhost:" + daemon.port() + "/{name}"));

        MetricSourceException e = failure();

        assertThat(e.failure()).isEqualTo(Failure.REJECTED);
        assertThat(e.failure().isTransient()).isFalse();
    }

    @Test
    void plainHttpWorksToo() throws Exception {
        try (mockwebserver3.MockWebServer plain = new mockwebserver3.MockWebServer()) {
            plain.enqueue(
                    new MockResponse.Builder()
                            .body(EmulatedDaemon.metrics("orders", 3, 4))
                            .build());
            plain.start();
            source(Map.of("urlTemplate", "http://127.0.0.1:" + plain.getPort()));

            assertThat(read().rate()).isEqualTo(Reading.known(3, now));
            assertThat(plain.takeRequest().getTarget()).isEqualTo("/api/v1/metrics");
        }
    }

    @Test
    void theEndpointIsTheDaemonsBaseUrl() {
        source(Map.of());

        assertThat(source.endpoint(ORDERS))
                .isEqualTo("https://orders-mv-daemon-svc.prod.svc:4327/");
    }

    @Test
    void badSettingsAreRejectedNamingTheKey(@TempDir Path dir) {
        assertThatThrownBy(() -> source(Map.of("tls", "off")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "source.daemon.tls: 'off' is not valid; expected one of insecure, verify");
        assertThatThrownBy(() -> source(Map.of("caFile", "/etc/ca.pem")))
                .hasMessage(
                        "source.daemon.caFile: '/etc/ca.pem' is given but tls is insecure; set tls:"
                                + " verify to use it");
        assertThatThrownBy(
                        () ->
                                source(
                                        Map.of(
                                                "tls",
                                                "verify",
                                                "caFile",
                                                dir.resolve("none.pem").toString())))
                .hasMessageStartingWith(
                        "source.daemon.caFile: '" + dir.resolve("none.pem") + "' cannot be read");
        assertThatThrownBy(() -> source(Map.of("bearerTokenFile", dir.resolve("nope").toString())))
                .hasMessageStartingWith(
                        "source.daemon.bearerTokenFile: '"
                                + dir.resolve("nope")
                                + "' cannot be read");
        assertThatThrownBy(() -> source(Map.of("connectTimeout", "10s", "timeout", "2s")))
                .hasMessage(
                        "source.daemon.connectTimeout: '10000ms' is not valid; it must not exceed"
                                + " timeout (2000ms)");
        assertThatThrownBy(() -> source(Map.of("maxRequestsPerHost", 0)))
                .hasMessage(
                        "source.daemon.maxRequestsPerHost: '0' is not valid; expected a whole"
                                + " number from 1 to 100000");
    }

    @Test
    void theProviderListsItsOptions() {
        assertThat(provider().options())
                .extracting(o -> o.key())
                .contains("urlTemplate", "tls", "caFile", "timeout", "bearerTokenFile");
    }

    private static Map<String, Object> withTemplate(Map<String, Object> settings, String template) {
        Map<String, Object> copy = new HashMap<>(settings);
        copy.put("urlTemplate", template);
        return copy;
    }
}
