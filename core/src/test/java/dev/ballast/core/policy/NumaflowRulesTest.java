package dev.ballast.core.policy;

import static dev.ballast.core.policy.PolicyFixtures.NOW;
import static dev.ballast.core.policy.PolicyFixtures.known;
import static dev.ballast.core.policy.PolicyFixtures.numaflow;
import static dev.ballast.core.policy.PolicyFixtures.pendingUnknown;
import static dev.ballast.core.policy.PolicyFixtures.rateUnknown;
import static dev.ballast.core.policy.PolicyFixtures.running;
import static dev.ballast.core.policy.PolicyFixtures.sourceDown;
import static dev.ballast.core.policy.PolicyFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.cron.CronExpression;
import dev.ballast.core.model.CronScaling;
import dev.ballast.core.model.CronWindow;
import dev.ballast.core.model.Phase;
import dev.ballast.core.model.ReadLimits;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetStatus;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per guard and branch of Numaflow's MonoVertex decision (numaflow.md section 3), run with
 * every Ballast rule off. Defaults: cooldowns 90 s, step 2, targetProcessingSeconds 20, bounds [0,
 * 50]. With {@code r} ready replicas, {@code pending / rate / 20 * r} replicas are needed.
 */
class NumaflowRulesTest {

    record Case(
            String name,
            Target target,
            TargetStatus status,
            Readings readings,
            Reason reason,
            int desired) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case row(
            String name,
            ScaleSpec spec,
            TargetStatus status,
            Readings readings,
            Reason reason,
            int desired) {
        return row(name, target(spec), status, readings, reason, desired);
    }

    static Case row(
            String name,
            Target target,
            TargetStatus status,
            Readings readings,
            Reason reason,
            int desired) {
        return new Case(name, target, status, readings, reason, desired);
    }

    /** A target whose source may read at most 2 x 500 = 1000 messages per second. */
    static Target rateLimited() {
        return new Target(
                target().ref(), ScaleSpec.defaults(), new ReadLimits(500, OptionalLong.of(2)));
    }

    /** Base bounds [0, 50]; a window open at {@code NOW} (Monday 12:00 UTC) with bounds [5, 8]. */
    static ScaleSpec businessHours() {
        return ScaleSpec.builder()
                .cron(
                        new CronScaling(
                                ZoneOffset.UTC,
                                List.of(
                                        new CronWindow(
                                                CronExpression.parse("0 0 9 * * MON-FRI"),
                                                CronExpression.parse("0 0 17 * * MON-FRI"),
                                                OptionalInt.of(5),
                                                OptionalInt.of(8)))))
                .build();
    }

    static ScaleSpec.Builder spec() {
        return ScaleSpec.builder();
    }

    static Stream<Case> guards() {
        ScaleSpec defaults = ScaleSpec.defaults();
        // 2 ready replicas, rate 10/s, pending 1000: needs 10.
        Readings needsTen = known(10, 1000);
        // 10 ready replicas, rate 100/s, pending 400: needs 2.
        Readings needsTwoOfTen = known(100, 400);
        return Stream.of(
                row(
                        "disabled",
                        spec().disabled(true).build(),
                        running(2, 600),
                        needsTen,
                        Reason.DISABLED,
                        2),
                row(
                        "rolling update",
                        defaults,
                        running(2, 600).toBuilder().rollingUpdate(true).build(),
                        needsTen,
                        Reason.ROLLING_UPDATE,
                        2),
                row(
                        "within both cooldowns",
                        defaults,
                        running(2, 30),
                        needsTen,
                        Reason.COOLDOWN,
                        2),
                row(
                        "up cooldown over, down cooldown not: scaling up is allowed",
                        spec().scaleUpCooldownSeconds(20).build(),
                        running(2, 30),
                        needsTen,
                        Reason.SCALE_UP,
                        4),
                row(
                        "up cooldown over, down cooldown not: scaling down waits",
                        spec().scaleUpCooldownSeconds(20).build(),
                        running(10, 30),
                        needsTwoOfTen,
                        Reason.COOLDOWN,
                        10),
                row(
                        "down cooldown over, up cooldown not: scaling up waits",
                        spec().scaleDownCooldownSeconds(20).build(),
                        running(2, 30),
                        needsTen,
                        Reason.COOLDOWN,
                        2),
                row(
                        "lastScaledAt never reported: no cooldown",
                        defaults,
                        running(2, 0).toBuilder().lastScaledAt(null).build(),
                        needsTen,
                        Reason.SCALE_UP,
                        4),
                row(
                        "phase Failed",
                        defaults,
                        running(2, 600).toBuilder().phase(Phase.FAILED).build(),
                        needsTen,
                        Reason.NOT_RUNNING,
                        2),
                row(
                        "phase not reported yet",
                        defaults,
                        running(2, 600).toBuilder().phase(Phase.UNKNOWN).build(),
                        needsTen,
                        Reason.NOT_RUNNING,
                        2),
                row(
                        "desired phase Paused",
                        defaults,
                        running(2, 600).toBuilder().desiredPhase(Phase.PAUSED).build(),
                        needsTen,
                        Reason.NOT_RUNNING,
                        2),
                row(
                        "status behind spec: change in flight",
                        defaults,
                        running(2, 600).toBuilder().specReplicas(4).build(),
                        needsTen,
                        Reason.REPLICAS_IN_FLIGHT,
                        2),
                row(
                        "min equals max",
                        spec().min(3).max(3).build(),
                        running(2, 600),
                        needsTen,
                        Reason.FIXED_BOUNDS,
                        2),
                row(
                        "at zero, slept less than zeroReplicaSleepSeconds",
                        defaults,
                        running(0, 100),
                        needsTen,
                        Reason.ZERO_REPLICA_SLEEP,
                        0),
                row(
                        "at zero, slept zeroReplicaSleepSeconds: peek without reading signals",
                        defaults,
                        running(0, 120),
                        sourceDown(),
                        Reason.PEEK_FROM_ZERO,
                        1),
                row(
                        "at zero below min: peek to 1 first, as Numaflow does",
                        spec().min(3).build(),
                        running(0, 600),
                        needsTen,
                        Reason.PEEK_FROM_ZERO,
                        1),
                row(
                        "no ready replica",
                        defaults,
                        running(2, 600).toBuilder().readyReplicas(0).build(),
                        needsTen,
                        Reason.NO_READY_REPLICAS,
                        2),
                row(
                        "rate unknown",
                        defaults,
                        running(2, 600),
                        rateUnknown(0),
                        Reason.RATE_UNKNOWN,
                        2),
                row(
                        "pending unknown",
                        defaults,
                        running(2, 600),
                        pendingUnknown(0),
                        Reason.PENDING_UNKNOWN,
                        2),
                row(
                        "source down",
                        defaults,
                        running(2, 600),
                        sourceDown(),
                        Reason.SOURCE_UNAVAILABLE,
                        2),
                row(
                        "rate at the rate limit blocks scaling up",
                        rateLimited(),
                        running(2, 600),
                        known(999.5, 99_950),
                        Reason.RATE_LIMITED,
                        2),
                row(
                        "rate below the rate limit scales up",
                        rateLimited(),
                        running(2, 600),
                        known(998.9, 99_890),
                        Reason.SCALE_UP,
                        4),
                row(
                        "the rate limit never blocks scaling down",
                        rateLimited(),
                        running(10, 600),
                        known(1000, 400),
                        Reason.SCALE_DOWN,
                        8),
                row(
                        "step up limited to replicasPerScaleUp",
                        defaults,
                        running(2, 600),
                        needsTen,
                        Reason.SCALE_UP,
                        4),
                row(
                        "step up with a larger replicasPerScaleUp",
                        spec().replicasPerScaleUp(5).build(),
                        running(2, 600),
                        needsTen,
                        Reason.SCALE_UP,
                        7),
                row(
                        "deprecated replicasPerScale sets both steps",
                        spec().replicasPerScale(3).build(),
                        running(2, 600),
                        needsTen,
                        Reason.SCALE_UP,
                        5),
                row(
                        "step down limited to replicasPerScaleDown",
                        defaults,
                        running(10, 600),
                        needsTwoOfTen,
                        Reason.SCALE_DOWN,
                        8),
                row(
                        "both signals exactly zero at one replica: scale to zero",
                        defaults,
                        running(1, 600),
                        known(0, 0),
                        Reason.SCALE_TO_ZERO,
                        0),
                row(
                        "both signals zero at three replicas: step toward zero",
                        defaults,
                        running(3, 600),
                        known(0, 0),
                        Reason.SCALE_DOWN,
                        1),
                row(
                        "both zero with min 1: down to min, never zero",
                        spec().min(1).build(),
                        running(2, 600),
                        known(0, 0),
                        Reason.SCALE_DOWN,
                        1),
                row(
                        "rate zero with a backlog: hold",
                        defaults,
                        running(3, 600),
                        known(0, 500),
                        Reason.STEADY,
                        3),
                row("needs what runs", defaults, running(2, 600), known(10, 200), Reason.STEADY, 2),
                row(
                        "needs more than max, at max",
                        spec().max(4).build(),
                        running(4, 600),
                        known(10, 10_000),
                        Reason.AT_BOUNDS,
                        4),
                row(
                        "needs fewer than min, at min",
                        spec().min(3).build(),
                        running(3, 600),
                        known(100, 10),
                        Reason.AT_BOUNDS,
                        3),
                row(
                        "above max (scaled by hand): straight to the clamped need",
                        spec().max(50).build(),
                        running(60, 600),
                        known(100, 667),
                        Reason.OUT_OF_BOUNDS,
                        20),
                row(
                        "below min: straight to min, no step limit",
                        spec().min(8).build(),
                        running(1, 600),
                        known(100, 100),
                        Reason.OUT_OF_BOUNDS,
                        8),
                row(
                        "out of bounds still waits for both cooldowns",
                        spec().min(8).build(),
                        running(1, 30),
                        known(100, 100),
                        Reason.COOLDOWN,
                        1),
                row(
                        "a zero pending with a rate needs one replica",
                        defaults,
                        running(3, 600),
                        known(50, 0),
                        Reason.SCALE_DOWN,
                        1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guards")
    void decidesLikeNumaflow(Case c) {
        Decision decision = numaflow(c.target, c.status, c.readings);

        assertThat(decision.reason()).as(decision.explanation()).isEqualTo(c.reason);
        assertThat(decision.desired()).as(decision.explanation()).isEqualTo(c.desired);
        assertThat(decision.time()).isEqualTo(NOW);
        assertThat(decision.explanation()).isNotBlank();
    }
}
