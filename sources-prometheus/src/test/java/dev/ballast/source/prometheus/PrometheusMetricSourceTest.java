package dev.ballast.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.config.MapConfigView;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.UnknownCause;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.ProviderContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Prometheus source against a real Prometheus server scraping MonoVertex-shaped metrics. */
class PrometheusMetricSourceTest {

    static final ScaleSpec LOOKBACK_10S = ScaleSpec.builder().lookbackSeconds(10).build();

    static MonoVertexExporter exporter;

    /**
     * A second scrape target: "twin" has a series from each exporter, as a duplicated job gives.
     */
    static MonoVertexExporter secondExporter;

    static PrometheusServer prometheus;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary();
        exporter = MonoVertexExporter.start();
        exporter.monoVertex("steady").rate(100);
        exporter.monoVertex("steady").pending = 50;
        exporter.monoVertex("flat");
        exporter.monoVertex("unavailable").rate(10);
        exporter.monoVertex("unavailable").pending = -1;
        exporter.monoVertex("resetting").rate(50);
        secondExporter = MonoVertexExporter.start();
        exporter.monoVertex("twin", 10, 300);
        secondExporter.monoVertex("twin", 10, 500);
        prometheus =
                PrometheusServer.start(
                        List.of(exporter.address(), secondExporter.address()), "prod");
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        for (MonoVertexExporter e : new MonoVertexExporter[] {exporter, secondExporter}) {
            if (e != null) {
                e.close();
            }
        }
    }

    static Target target(String name) {
        return Target.of(TargetRef.monoVertex("prod", name), LOOKBACK_10S);
    }

    static PrometheusMetricSource source(String url, boolean batch) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("url", url);
        settings.put("batch", batch);
        settings.put("staleAfter", "30s");
        MapConfigView root = MapConfigView.root(Map.of("prometheus", settings));
        return (PrometheusMetricSource)
                new PrometheusSourceProvider()
                        .create(
                                ProviderContext.of(
                                        root.section("prometheus"),
                                        Clock.systemUTC(),
                                        false,
                                        Duration.ofSeconds(2)));
    }

    static Readings read(PrometheusMetricSource source, String name) throws Exception {
        return read(source, target(name));
    }

    static Readings read(PrometheusMetricSource source, Target target) throws Exception {
        return source.read(target).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static UnknownCause cause(Reading r) {
        return ((Reading.Unknown) r).cause();
    }

    @Test
    void aSteadyCounterGivesItsRateAndAGaugeItsPending() throws Exception {
        try (PrometheusMetricSource source = source(prometheus.url(), false)) {
            await().atMost(30, TimeUnit.SECONDS).until(() -> read(source, "steady").allKnown());

            Readings r = read(source, "steady");
            assertThat(r.rate().value()).isCloseTo(100, org.assertj.core.data.Offset.offset(10.0));
            assertThat(r.pending().value()).isEqualTo(50);
        }
    }

    @Test
    void aFlatCounterGivesAKnownZero() throws Exception {
        try (PrometheusMetricSource source = source(prometheus.url(), false)) {
            await().atMost(30, TimeUnit.SECONDS).until(() -> read(source, "flat").allKnown());

            Readings r = read(source, "flat");
            assertThat(r.rate().value()).isZero();
            assertThat(r.pending().value()).isZero();
        }
    }

    @Test
    void aSeriesThatHasNotExistedLongEnoughIsUnknownNeverZero() throws Exception {
        try (PrometheusMetricSource source = source(prometheus.url(), false)) {
            exporter.monoVertex("newcomer").rate(20);

            Readings first = read(source, "newcomer");

            assertThat(first.rate().isKnown()).isFalse();
            assertThat(cause(first.rate())).isEqualTo(UnknownCause.NO_DATA);
            await().atMost(30, TimeUnit.SECONDS)
                    .until(() -> read(source, "newcomer").rate().isKnown());
        }
    }

    @Test
    void aPendingOfMinusOneIsUnknown() throws Exception {
        try (PrometheusMetricSource source = source(prometheus.url(), false)) {
            await().atMost(30, TimeUnit.SECONDS)
                    .until(() -> read(source, "unavailable").rate().isKnown());

            Readings r = read(source, "unavailable");
            assertThat(r.pending().isKnown()).isFalse();
            assertThat(cause(r.pending())).isEqualTo(UnknownCause.NOT_AVAILABLE);
        }
    }

    @Test
    void aWindowHoldingAMinusOneIsUnknownNeverASmallerAverage() throws Exception {
        MonoVertexExporter.Series flapping = exporter.monoVertex("flapping", 10, 500);
        try (PrometheusMetricSource batch = source(prometheus.url(), true);
                PrometheusMetricSource single = source(prometheus.url(), false)) {
            List<PrometheusMetricSource> both = List.of(batch, single);
            awaitKnownPendings(both, "flapping", 2, new ArrayList<>());

            // The source cannot tell for a while: the window then holds 500s and -1s, whose
            // average would read as a smaller backlog.
            flapping.pending = -1;
            List<Double> seen = new ArrayList<>();
            awaitKnownPendings(both, "flapping", 0, seen);
            for (PrometheusMetricSource source : both) {
                assertThat(cause(read(source, "flapping").pending()))
                        .isEqualTo(UnknownCause.NOT_AVAILABLE);
            }
            flapping.pending = 500;
            awaitKnownPendings(both, "flapping", 2, seen);

            assertThat(seen).isNotEmpty().containsOnly(500.0);
        }
    }

    @Test
    void aPendingNoLongerReportedIsUnknownAtOnceNotReadFromOldSamples() throws Exception {
        MonoVertexExporter.Series silent = exporter.monoVertex("silent", 10, 400);
        // A long lookback: old samples would go on answering for a minute.
        Target target =
                Target.of(
                        TargetRef.monoVertex("prod", "silent"),
                        ScaleSpec.builder().lookbackSeconds(60).build());
        try (PrometheusMetricSource batch = source(prometheus.url(), true);
                PrometheusMetricSource single = source(prometheus.url(), false)) {
            List<PrometheusMetricSource> both = List.of(batch, single);
            awaitKnownPendings(both, target, 2, new ArrayList<>());

            silent.pendingServed = false;

            awaitKnownPendings(both, target, 0, new ArrayList<>());
            for (PrometheusMetricSource source : both) {
                Readings r = read(source, target);
                assertThat(r.rate().isKnown()).as("the counter is still scraped").isTrue();
                assertThat(cause(r.pending())).isEqualTo(UnknownCause.NO_DATA);
            }
        }
    }

    @Test
    void severalSeriesForOneTargetGiveTheHighestPendingAndAnyMinusOneMakesItUnknown()
            throws Exception {
        try (PrometheusMetricSource batch = source(prometheus.url(), true);
                PrometheusMetricSource single = source(prometheus.url(), false)) {
            List<PrometheusMetricSource> both = List.of(batch, single);
            List<Double> seen = new ArrayList<>();
            awaitKnownPendings(both, "twin", 2, seen);
            assertThat(knownPendings(both, "twin")).containsExactly(500.0, 500.0);

            secondExporter.monoVertex("twin").pending = -1;
            seen.clear();
            awaitKnownPendings(both, "twin", 0, seen);

            assertThat(seen)
                    .as("never the other series' 300 alone, nor an average with -1")
                    .allSatisfy(v -> assertThat(v).isEqualTo(500.0));
            for (PrometheusMetricSource source : both) {
                assertThat(cause(read(source, "twin").pending()))
                        .isEqualTo(UnknownCause.NOT_AVAILABLE);
            }
        }
    }

    /**
     * Reads until {@code count} of the sources know the target's pending, adding every known
     * pending read on the way to {@code seen}.
     */
    static void awaitKnownPendings(
            List<PrometheusMetricSource> sources, String name, int count, List<Double> seen) {
        awaitKnownPendings(sources, target(name), count, seen);
    }

    static void awaitKnownPendings(
            List<PrometheusMetricSource> sources, Target target, int count, List<Double> seen) {
        await().atMost(30, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            List<Double> known = knownPendings(sources, target);
                            seen.addAll(known);
                            return known.size() == count;
                        });
    }

    /** The known pendings of one target, one per source that knows it. */
    static List<Double> knownPendings(List<PrometheusMetricSource> sources, String name)
            throws Exception {
        return knownPendings(sources, target(name));
    }

    static List<Double> knownPendings(List<PrometheusMetricSource> sources, Target target)
            throws Exception {
        List<Double> known = new ArrayList<>();
        for (PrometheusMetricSource source : sources) {
            Reading pending = read(source, target).pending();
            if (pending.isKnown()) {
                known.add(pending.value());
            }
        }
        return known;
    }

    @Test
    void anExporterRestartGivesNoNegativeOrInflatedRate() throws Exception {
        try (PrometheusMetricSource source = source(prometheus.url(), false)) {
            await().atMost(30, TimeUnit.SECONDS)
                    .until(() -> read(source, "resetting").rate().isKnown());

            exporter.restart();
            List<Double> seen = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            // Reads over the next scrapes, while the counter starts again from 0.
            await().atMost(20, TimeUnit.SECONDS)
                    .pollInterval(Duration.ofMillis(300))
                    .until(
                            () -> {
                                Readings r = read(source, "resetting");
                                if (r.rate().isKnown()) {
                                    seen.add(r.rate().value());
                                }
                                return System.nanoTime() > until;
                            });

            assertThat(seen).isNotEmpty().allSatisfy(v -> assertThat(v).isBetween(0.0, 75.0));
        }
    }

    @Test
    void batchAndPerTargetModesAgreeAndBatchSendsOneQueryPerSignal() throws Exception {
        try (PrometheusMetricSource batch = source(prometheus.url(), true);
                PrometheusMetricSource single = source(prometheus.url(), false)) {
            await().atMost(30, TimeUnit.SECONDS)
                    .until(
                            () ->
                                    read(single, "steady").allKnown()
                                            && read(single, "flat").allKnown());
            long before = batch.queriesSent();

            for (String name : List.of("steady", "flat", "unavailable", "missing")) {
                Readings b = read(batch, name);
                Readings s = read(single, name);
                assertThat(b.rate().isKnown()).as(name).isEqualTo(s.rate().isKnown());
                assertThat(b.pending().isKnown()).as(name).isEqualTo(s.pending().isKnown());
                if (b.rate().isKnown()) {
                    assertThat(b.rate().value())
                            .as(name)
                            .isCloseTo(s.rate().value(), org.assertj.core.data.Offset.offset(15.0));
                }
                if (b.pending().isKnown()) {
                    assertThat(b.pending().value()).as(name).isEqualTo(s.pending().value());
                }
            }
            for (int i = 0; i < 1000; i++) {
                read(batch, "absent-" + i);
            }

            assertThat(batch.queriesSent() - before)
                    .as("rate, pending and freshness, once")
                    .isEqualTo(3);
            assertThat(cause(read(batch, "absent-1").rate())).isEqualTo(UnknownCause.NO_DATA);
        }
    }

    @Test
    void aStoppedPrometheusIsAnErrorNotAZero() throws Exception {
        try (PrometheusServer doomed = PrometheusServer.start(List.of(exporter.address()), "prod");
                PrometheusMetricSource source = source(doomed.url(), false)) {
            doomed.stop();

            ExecutionException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            ExecutionException.class,
                            () ->
                                    source.read(target("steady"))
                                            .toCompletableFuture()
                                            .get(10, TimeUnit.SECONDS));

            assertThat(e.getCause()).isInstanceOf(MetricSourceException.class);
            assertThat(((MetricSourceException) e.getCause()).failure())
                    .isEqualTo(MetricSourceException.Failure.UNREACHABLE);
        }
    }
}
