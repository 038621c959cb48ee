package dev.ballast.core.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.model.UnknownCause;
import dev.ballast.core.policy.DefaultScalingPolicy;
import dev.ballast.core.policy.Reason;
import dev.ballast.core.policy.ScalingPolicy;
import dev.ballast.core.spi.ActuationException;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.testing.RecordingListener;
import dev.ballast.core.testing.TestingActuator;
import dev.ballast.core.testing.TestingClock;
import dev.ballast.core.testing.TestingDiscovery;
import dev.ballast.core.testing.TestingExecutor;
import dev.ballast.core.testing.TestingMetricSource;
import dev.ballast.core.testing.TestingScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control loop in virtual time: a testing clock and scheduler, workers on the test thread. */
class ControlLoopTest {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final TargetRef A = TargetRef.monoVertex("ns", "a");
    static final TargetRef B = TargetRef.monoVertex("ns", "b");
    static final TargetRef C = TargetRef.monoVertex("ns", "c");

    final TestingClock clock = TestingClock.atDefaultStart();
    final TestingScheduler scheduler = new TestingScheduler(clock);
    final TestingMetricSource source = new TestingMetricSource(clock);
    final TestingActuator actuator = new TestingActuator(clock);
    final TestingDiscovery discovery = new TestingDiscovery();
    final RecordingListener listener = new RecordingListener();
    final Instant start = clock.instant();
    ControlLoop loop;

    @AfterEach
    void closeLoop() {
        if (loop != null) {
            loop.close();
        }
    }

    /** A target at 2 replicas, last scaled long ago. */
    void addTarget(TargetRef ref) {
        discovery.add(Target.of(ref, ScaleSpec.defaults()));
        actuator.put(ref, TargetStatus.running(2, start.minus(Duration.ofHours(1))));
    }

    ControlLoop loop(LoopSettings settings) {
        return loop(settings, DefaultScalingPolicy.withDefaults(INTERVAL, start), Runnable::run);
    }

    ControlLoop loop(LoopSettings settings, ScalingPolicy policy, Executor workers) {
        loop =
                new ControlLoop(
                        discovery,
                        source,
                        actuator,
                        policy,
                        settings,
                        clock,
                        scheduler,
                        workers,
                        List.of(listener));
        return loop;
    }

    @Test
    void evaluatesEveryTargetOncePerIntervalSpreadOverIt() {
        addTarget(A);
        addTarget(B);
        addTarget(C);
        loop(LoopSettings.every(INTERVAL)).start();

        scheduler.runDue();
        assertThat(source.calls()).containsExactly(A);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(source.calls()).containsExactly(A, B);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(source.calls()).containsExactly(A, B, C);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(source.calls()).containsExactly(A, B, C, A);
        scheduler.advance(Duration.ofSeconds(20));

        assertThat(source.calls()).containsExactly(A, B, C, A, B, C);
        assertThat(listener.evaluations()).hasSize(6).allMatch(e -> e.lag().isZero());
        assertThat(listener.intervals())
                .containsExactly(
                        new RecordingListener.Interval(3, 0, Duration.ofSeconds(20)),
                        new RecordingListener.Interval(3, 0, Duration.ofSeconds(20)));
        assertThat(loop.isRunning()).isTrue();
        assertThat(loop.lastIntervalAt()).contains(start.plus(INTERVAL));
    }

    @Test
    void appliesAChangeThroughTheActuator() {
        addTarget(A);
        source.known(A, 10, 1000); // 2 ready: needs 10, steps up to 4
        loop(LoopSettings.every(INTERVAL)).start();

        scheduler.runDue();

        Evaluation e = listener.evaluations().get(0);
        assertThat(e.decision().reason()).isEqualTo(Reason.SCALE_UP);
        assertThat(e.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(e.dryRun()).isFalse();
        assertThat(actuator.changes()).containsExactly(new TestingActuator.Change(A, 2, 4));
    }

    @Test
    void dryRunDecidesAndReportsButChangesNothing() {
        addTarget(A);
        source.known(A, 10, 1000);
        loop(LoopSettings.every(INTERVAL).withDryRun(true)).start();

        scheduler.runDue();

        Evaluation e = listener.evaluations().get(0);
        assertThat(e.decision().reason()).isEqualTo(Reason.SCALE_UP);
        assertThat(e.decision().desired()).isEqualTo(4);
        assertThat(e.outcome()).isEqualTo(Outcome.DRY_RUN);
        assertThat(e.dryRun()).isTrue();
        assertThat(actuator.changes()).isEmpty();
    }

    @Test
    void anInactiveInstanceReportsButChangesNothing() {
        addTarget(A);
        source.known(A, 10, 1000);
        actuator.setActive(false);
        loop(LoopSettings.every(INTERVAL)).start();

        scheduler.runDue();

        assertThat(listener.evaluations().get(0).outcome()).isEqualTo(Outcome.NOT_ACTIVE);
        assertThat(actuator.changes()).isEmpty();
    }

    @Test
    void aFailedSourceCallBecomesUnknownReadingsNeverZero() {
        addTarget(A);
        addTarget(B);
        source.fail(
                A,
                new MetricSourceException(
                        MetricSourceException.Failure.UNREACHABLE, "connection refused"));
        source.throwing(B, new IllegalStateException("bug in the source"));
        loop(LoopSettings.every(INTERVAL)).start();

        scheduler.advance(Duration.ofSeconds(15));

        Evaluation a = listener.evaluationsOf(A).get(0);
        assertThat(a.decision().reason()).isEqualTo(Reason.SOURCE_UNAVAILABLE);
        assertThat(a.decision().readings().orElseThrow().rate())
                .isEqualTo(Reading.unknown(UnknownCause.SOURCE_ERROR, "connection refused"));
        Evaluation b = listener.evaluationsOf(B).get(0);
        assertThat(b.decision().reason()).isEqualTo(Reason.SOURCE_UNAVAILABLE);
        assertThat(b.decision().explanation()).contains("IllegalStateException: bug in the source");
        assertThat(actuator.changes()).isEmpty();
    }

    @Test
    void aSourceThatDoesNotAnswerTimesOutAsUnknown() {
        addTarget(A);
        List<CompletableFuture<Readings>> hanging = new ArrayList<>();
        source.hang(A, hanging);
        loop(new LoopSettings(INTERVAL, Duration.ofSeconds(10), false, Duration.ZERO)).start();

        scheduler.advance(Duration.ofSeconds(9));
        assertThat(listener.evaluations()).isEmpty();
        scheduler.advance(Duration.ofSeconds(1));

        Evaluation e = listener.evaluations().get(0);
        assertThat(e.decision().reason()).isEqualTo(Reason.SOURCE_UNAVAILABLE);
        assertThat(((Reading.Unknown) e.decision().readings().orElseThrow().rate()).cause())
                .isEqualTo(UnknownCause.TIMEOUT);
        assertThat(e.duration()).isEqualTo(Duration.ofSeconds(10));
        // A late answer changes nothing.
        hanging.get(0).complete(Readings.of(Reading.known(0, start), Reading.known(0, start)));
        assertThat(listener.evaluations()).hasSize(1);
    }

    @Test
    void anEvaluationStillRunningWhenTheNextIsDueIsSkippedAndCounted() {
        addTarget(A);
        source.hang(A, new ArrayList<>());
        TestingExecutor busyWorkers = new TestingExecutor();
        loop(
                        new LoopSettings(INTERVAL, INTERVAL, false, Duration.ZERO),
                        DefaultScalingPolicy.withDefaults(INTERVAL, start),
                        busyWorkers)
                .start();
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(5)); // the workers are busy for 5 s
        busyWorkers.runAll(); // A's evaluation starts late and waits for the source

        scheduler.advance(Duration.ofSeconds(25)); // the next evaluation of A is due
        busyWorkers.runAll();

        assertThat(listener.overlaps()).containsExactly(A);
        assertThat(listener.evaluations()).isEmpty();
        assertThat(listener.intervals())
                .containsExactly(new RecordingListener.Interval(1, 1, Duration.ZERO));
        assertThat(source.callsFor(A)).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(5)); // the first evaluation times out
        busyWorkers.runAll();

        assertThat(listener.evaluations()).hasSize(1);
        assertThat(listener.evaluations().get(0).lag()).isEqualTo(Duration.ofSeconds(5));
        assertThat(listener.evaluations().get(0).decision().reason())
                .isEqualTo(Reason.SOURCE_UNAVAILABLE);
        assertThat(listener.intervals())
                .containsExactly(
                        new RecordingListener.Interval(1, 1, Duration.ZERO),
                        new RecordingListener.Interval(1, 0, Duration.ofSeconds(35)));
    }

    @Test
    void aFailureInOneTargetNeverStopsTheOthers() {
        addTarget(A);
        addTarget(B);
        addTarget(C);
        source.known(A, 10, 1000).known(B, 10, 1000).known(C, 10, 1000);
        actuator.failNext(
                B, new ActuationException(ActuationException.Failure.UNAVAILABLE, "HTTP 503"));
        DefaultScalingPolicy real = DefaultScalingPolicy.withDefaults(INTERVAL, start);
        ScalingPolicy failsForA =
                (target, status, readings, history, now) -> {
                    if (target.ref().equals(A)) {
                        throw new IllegalStateException("boom");
                    }
                    return real.decide(target, status, readings, history, now);
                };
        DecisionListener throwing =
                e -> {
                    throw new IllegalStateException("listener bug");
                };
        loop =
                new ControlLoop(
                        discovery,
                        source,
                        actuator,
                        failsForA,
                        LoopSettings.every(INTERVAL),
                        clock,
                        scheduler,
                        Runnable::run,
                        List.of(throwing, listener));
        loop.start();

        scheduler.advance(Duration.ofSeconds(25));

        assertThat(listener.reasonsOf(A)).containsExactly(Reason.EVALUATION_FAILED);
        assertThat(listener.evaluationsOf(A).get(0).decision().explanation())
                .contains("IllegalStateException: boom");
        Evaluation b = listener.evaluationsOf(B).get(0);
        assertThat(b.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(b.failure()).contains("HTTP 503");
        assertThat(listener.evaluationsOf(C).get(0).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(actuator.changes()).containsExactly(new TestingActuator.Change(C, 2, 4));
    }

    @Test
    void anActuatorThatThrowsWhereNoneShouldReleasesTheTarget() {
        addTarget(A);
        source.known(A, 10, 1000);
        actuator.failNextActiveCheck(new IllegalStateException("lease lookup failed"));
        loop(LoopSettings.every(INTERVAL));
        loop.start();

        scheduler.runDue();
        scheduler.advance(INTERVAL);

        assertThat(listener.reasonsOf(A))
                .containsExactly(Reason.EVALUATION_FAILED, Reason.SCALE_UP);
        assertThat(listener.evaluationsOf(A).get(0).decision().explanation())
                .contains("lease lookup failed");
        assertThat(listener.overlaps()).isEmpty();
        assertThat(actuator.changes()).containsExactly(new TestingActuator.Change(A, 2, 4));
    }

    @Test
    void aTargetThatLeavesDiscoveryWhileRunningIsNeverEvaluatedTwiceAtOnce() {
        addTarget(A);
        source.known(A, 10, 1000);
        TestingExecutor workers = new TestingExecutor();
        loop(
                        LoopSettings.every(INTERVAL),
                        DefaultScalingPolicy.withDefaults(INTERVAL, start),
                        workers)
                .start();
        scheduler.runDue();
        workers.runQueued(); // A's signals arrive; its decision waits for a worker
        Target a = discovery.targets().get(0);

        discovery.removeIf(t -> true);
        scheduler.advance(INTERVAL); // A is not listed in this interval
        discovery.add(a);
        scheduler.advance(INTERVAL); // A is listed again, its first evaluation still running
        workers.runNewest(); // a busy pool may well start the newer task first

        assertThat(listener.overlaps()).containsExactly(A);
        assertThat(source.callsFor(A)).isEqualTo(1);
        workers.runAll();
        assertThat(listener.evaluationsOf(A)).hasSize(1);
        assertThat(actuator.changes()).containsExactly(new TestingActuator.Change(A, 2, 4));
    }

    @Test
    void theStatusIsReadAgainAfterTheSignalsArrive() {
        addTarget(A);
        List<CompletableFuture<Readings>> hanging = new ArrayList<>();
        source.hang(A, hanging);
        loop(LoopSettings.every(INTERVAL)).start();
        scheduler.runDue();

        // Someone scales A by hand to 10 while its signals are being read.
        actuator.put(A, TargetStatus.running(10, clock.instant()));
        hanging.get(0).complete(Readings.of(Reading.known(10, start), Reading.known(1000, start)));

        Evaluation e = listener.evaluations().get(0);
        assertThat(e.decision().currentReplicas()).hasValue(10);
        assertThat(e.decision().reason()).isEqualTo(Reason.COOLDOWN);
        assertThat(actuator.changes()).isEmpty();
    }

    @Test
    void aTimedOutReadIsCancelledAtTheSource() {
        addTarget(A);
        List<CompletableFuture<Readings>> hanging = new ArrayList<>();
        source.hang(A, hanging);
        loop(new LoopSettings(INTERVAL, Duration.ofSeconds(10), false, Duration.ZERO)).start();

        scheduler.advance(Duration.ofSeconds(10));

        assertThat(hanging.get(0)).isCancelled();
    }

    @Test
    void anUnknownStatusHoldsWithoutReadingTheSource() {
        discovery.add(Target.of(A, ScaleSpec.defaults()));
        loop(LoopSettings.every(INTERVAL)).start();

        scheduler.runDue();

        Evaluation e = listener.evaluations().get(0);
        assertThat(e.decision().reason()).isEqualTo(Reason.STATUS_UNKNOWN);
        assertThat(e.decision().currentReplicas()).isEmpty();
        assertThat(e.decision().isChange()).isFalse();
        assertThat(source.calls()).isEmpty();
    }

    @Test
    void aTargetGoneWhileBeingScaledIsReportedNotFailed() {
        addTarget(A);
        source.known(A, 10, 1000);
        actuator.failNext(
                A, new ActuationException(ActuationException.Failure.TARGET_GONE, "404 Not Found"));
        loop(LoopSettings.every(INTERVAL)).start();

        scheduler.runDue();

        assertThat(listener.evaluations().get(0).outcome()).isEqualTo(Outcome.TARGET_GONE);
    }

    @Test
    void followsDiscoveryFromOneIntervalToTheNext() {
        addTarget(A);
        loop(LoopSettings.every(INTERVAL)).start();
        scheduler.runDue();

        discovery.removeIf(t -> t.ref().equals(A));
        addTarget(B);
        scheduler.advance(INTERVAL);

        assertThat(source.calls()).containsExactly(A, B);
    }

    @Test
    void aFailingDiscoverySkipsOneIntervalAndTheLoopGoesOn() {
        addTarget(A);
        discovery.failWith(new IllegalStateException("API server down"));
        loop(LoopSettings.every(INTERVAL)).start();
        scheduler.runDue();
        assertThat(source.calls()).isEmpty();

        discovery.failWith(null);
        scheduler.advance(INTERVAL);

        assertThat(source.calls()).containsExactly(A);
    }

    @Test
    void closingStopsIntervalsAndAbandonsChangesNotYetMade() {
        addTarget(A);
        source.known(A, 10, 1000);
        TestingExecutor workers = new TestingExecutor();
        loop(
                        LoopSettings.every(INTERVAL),
                        DefaultScalingPolicy.withDefaults(INTERVAL, start),
                        workers)
                .start();
        scheduler.runDue();
        workers.runQueued(); // the evaluation reads the source; its decision waits for a worker

        Thread closer = new Thread(loop::close);
        closer.start();
        org.awaitility.Awaitility.await().until(() -> !loop.isRunning());
        workers.runAll();
        org.awaitility.Awaitility.await().until(() -> !closer.isAlive());
        scheduler.advance(INTERVAL.multipliedBy(3));

        assertThat(listener.evaluations()).hasSize(1);
        assertThat(listener.evaluations().get(0).outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(actuator.changes()).isEmpty();
        assertThat(source.calls()).containsExactly(A);
    }

    @Test
    void anEmptyTargetListCompletesTheInterval() {
        loop(LoopSettings.every(INTERVAL)).start();

        scheduler.runDue();

        assertThat(listener.intervals())
                .containsExactly(new RecordingListener.Interval(0, 0, Duration.ZERO));
    }

    @Test
    void cannotBeStartedTwice() {
        ControlLoop l = loop(LoopSettings.every(INTERVAL));
        l.start();

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(l::start)
                .withMessageContaining("already started");
    }
}
