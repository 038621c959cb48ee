package dev.ballast.app.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.UnknownCause;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import dev.ballast.core.testing.TestingClock;
import dev.ballast.core.testing.TestingMetricSource;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resilience layer: what is retried, what opens a breaker, and that nothing becomes 0. */
class ResilientMetricSourceTest {

    static final TargetRef ORDERS = TargetRef.monoVertex("prod", "orders");
    static final Target TARGET = Target.of(ORDERS, ScaleSpec.defaults());

    final TestingClock clock = TestingClock.atDefaultStart();
    final TestingMetricSource inner = new TestingMetricSource(clock);
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final ResilienceSettings settings =
            new ResilienceSettings(2, Duration.ZERO, 50, 4, 2, Duration.ofMinutes(1), false);
    final ResilientMetricSource source =
            new ResilientMetricSource(
                    inner,
                    settings,
                    CircuitBreakerRegistry.of(ResilientMetricSource.breakerConfig(settings)),
                    RetryRegistry.ofDefaults(),
                    timer,
                    nanos -> {});

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    Readings read() throws Exception {
        return source.read(TARGET).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static UnknownCause cause(Readings r) {
        return ((Reading.Unknown) r.rate()).cause();
    }

    @Test
    void aRefusedConnectionIsRetriedAndThenUnknownNeverZero() throws Exception {
        inner.fail(ORDERS, new MetricSourceException(Failure.UNREACHABLE, "refused"));

        Readings r = read();

        assertThat(inner.callsFor(ORDERS)).isEqualTo(2);
        assertThat(cause(r)).isEqualTo(UnknownCause.SOURCE_ERROR);
        assertThat(r.pending().isKnown()).isFalse();
    }

    @Test
    void aTimeoutIsNotRetried() throws Exception {
        inner.fail(ORDERS, new MetricSourceException(Failure.TIMEOUT, "no answer in 2s"));

        Readings r = read();

        assertThat(inner.callsFor(ORDERS)).isEqualTo(1);
        assertThat(cause(r)).isEqualTo(UnknownCause.TIMEOUT);
    }

    @Test
    void aMalformedAnswerIsNotRetried() throws Exception {
        inner.fail(ORDERS, new MetricSourceException(Failure.MALFORMED, "not JSON"));

        assertThat(cause(read())).isEqualTo(UnknownCause.MALFORMED);
        assertThat(inner.callsFor(ORDERS)).isEqualTo(1);
    }

    @Test
    void anOpenBreakerAnswersWithoutAskingTheSource() throws Exception {
        inner.fail(ORDERS, new MetricSourceException(Failure.MALFORMED, "not JSON"));
        read();
        read(); // two failed calls: the breaker opens
        long calls = inner.callsFor(ORDERS);

        Readings r = read();

        assertThat(cause(r)).isEqualTo(UnknownCause.CIRCUIT_OPEN);
        assertThat(inner.callsFor(ORDERS)).isEqualTo(calls);
    }

    @Test
    void oneReadsRetriesCountOnceForTheBreaker() throws Exception {
        inner.fail(ORDERS, new MetricSourceException(Failure.UNREACHABLE, "refused"));

        read(); // two attempts, one failed call for the breaker (it opens at two)
        long calls = inner.callsFor(ORDERS);
        Readings second = read();

        assertThat(calls).isEqualTo(2);
        assertThat(inner.callsFor(ORDERS)).as("the breaker was still closed").isEqualTo(4);
        assertThat(cause(second)).isEqualTo(UnknownCause.SOURCE_ERROR);
        assertThat(cause(read())).isEqualTo(UnknownCause.CIRCUIT_OPEN);
    }

    @Test
    void readsBallastDidNotSendNeitherRetryNorOpenTheBreaker() throws Exception {
        inner.fail(ORDERS, new MetricSourceException(Failure.OVERLOADED, "no slot; not sent"));

        for (int i = 0; i < 5; i++) {
            assertThat(cause(read())).isEqualTo(UnknownCause.OVERLOADED);
        }

        assertThat(inner.callsFor(ORDERS))
                .as("asked every time: the breaker stayed closed")
                .isEqualTo(5);
    }

    @Test
    void knownReadingsPassThrough() throws Exception {
        inner.known(ORDERS, 12, 40);

        Readings r = read();

        assertThat(r.allKnown()).isTrue();
        assertThat(r.rate().value()).isEqualTo(12);
    }
}
