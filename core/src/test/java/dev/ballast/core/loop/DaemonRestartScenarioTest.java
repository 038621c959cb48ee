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
import dev.ballast.core.testing.RecordingListener;
import dev.ballast.core.testing.TestingActuator;
import dev.ballast.core.testing.TestingClock;
import dev.ballast.core.testing.TestingDiscovery;
import dev.ballast.core.testing.TestingMetricSource;
import dev.ballast.core.testing.TestingScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The incident Ballast exists for, at core level: after the daemon restarts its rater knows no rate
 * for a while, pending reads 0, and Numaflow before the fix scaled a busy MonoVertex to zero.
 */
class DaemonRestartScenarioTest {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final TargetRef MV = TargetRef.monoVertex("prod", "orders");

    final TestingClock clock = TestingClock.atDefaultStart();
    final TestingScheduler scheduler = new TestingScheduler(clock);
    final TestingMetricSource daemon = new TestingMetricSource(clock);
    final TestingActuator cluster = new TestingActuator(clock);
    final RecordingListener listener = new RecordingListener();

    @Test
    void unknownRateNeverScalesDownAndRecoveryWaitsForWarmUp() {
        Instant start = clock.instant();
        cluster.put(MV, TargetStatus.running(4, start.minus(Duration.ofHours(1))));
        ControlLoop loop =
                new ControlLoop(
                        new TestingDiscovery(Target.of(MV, ScaleSpec.defaults())),
                        daemon,
                        cluster,
                        DefaultScalingPolicy.withDefaults(INTERVAL, start),
                        LoopSettings.every(INTERVAL),
                        clock,
                        scheduler,
                        Runnable::run,
                        List.of(listener));

        // The daemon restarted: its rater has no rate yet (-2^63 on the wire), pending reads 0.
        daemon.answer(
                MV,
                Readings.of(
                        Reading.unknown(UnknownCause.NOT_AVAILABLE, "rate -9223372036854775808"),
                        Reading.known(0, start)));
        loop.start();
        scheduler.runDue();
        scheduler.advance(INTERVAL.multipliedBy(5));

        assertThat(listener.reasonsOf(MV)).hasSize(6).containsOnly(Reason.RATE_UNKNOWN);
        assertThat(cluster.replicas(MV)).isEqualTo(4);

        // The rater has samples again: a positive rate, pending still 0. Numaflow alone would step
        // down; the first two known readings may not.
        daemon.known(MV, 50, 0);
        scheduler.advance(INTERVAL.multipliedBy(2));

        assertThat(listener.reasonsOf(MV).subList(6, 8))
                .containsExactly(Reason.WARMING_UP, Reason.WARMING_UP);
        assertThat(cluster.replicas(MV)).isEqualTo(4);

        // A real idle period, known: steps toward min, 2 at a time, 90 s apart.
        daemon.known(MV, 0, 0);
        scheduler.advance(INTERVAL.multipliedBy(4));

        assertThat(listener.reasonsOf(MV).subList(8, 12))
                .containsExactly(
                        Reason.SCALE_DOWN, Reason.COOLDOWN, Reason.COOLDOWN, Reason.SCALE_TO_ZERO);
        assertThat(cluster.changes())
                .containsExactly(
                        new TestingActuator.Change(MV, 4, 2), new TestingActuator.Change(MV, 2, 0));
        assertThat(listener.evaluationsOf(MV).get(8).decision().explanation())
                .isEqualTo(
                        "rate 0/s, pending 0, 4 ready -> needs 0 (targetProcessingSeconds 20);"
                                + " bounds [0, 50]; step limit 2: 4 -> 2");
        loop.close();
    }
}
