package dev.ballast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleBounds;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetStatus;
import java.time.Instant;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The policy's invariants, over generated targets, statuses, readings and histories. */
class PolicyPropertiesTest {

    static final Instant NOW = PolicyArbitraries.NOW;

    @Property(tries = 3000)
    void neverDownOrToZeroWhileASignalIsUnknown(@ForAll("withAnUnknownSignal") Case c) {
        Decision d = c.decide();

        assertThat(d.action()).as(d.toString()).isNotEqualTo(Action.DOWN);
        if (c.status().replicas() > 0) {
            assertThat(d.desired()).as(d.toString()).isPositive();
        }
    }

    @Property(tries = 3000)
    void neverDownWhilePendingMayStillAverageTheSourcesMinusOnes(
            @ForAll("pendingRecentlyNotAvailable") Case c) {
        Decision d = c.decide();

        assertThat(d.action()).as(d.toString()).isNotEqualTo(Action.DOWN);
    }

    @Property(tries = 3000)
    void zeroOnlyOnPositiveEvidence(@ForAll("anySignals") Case c) {
        Decision d = c.decide();

        if (d.isChange() && d.desired() == 0) {
            if (c.target().scale().boundsAt(NOW).max() == 0) {
                return; // the configured bounds themselves ask for zero (max: 0)
            }
            assertThat(c.readings().allKnown()).as(d.toString()).isTrue();
            assertThat(c.readings().rate().value()).isZero();
            assertThat(c.readings().pending().value()).isZero();
        }
    }

    @Property(tries = 3000)
    void changesLandWithinBoundsOrMoveTowardThem(@ForAll("anySignals") Case c) {
        Decision d = c.decide();
        if (!d.isChange()) {
            return;
        }
        ScaleBounds bounds = c.target().scale().boundsAt(NOW);
        int current = c.status().replicas();
        int desired = d.desired();
        if (bounds.contains(current)) {
            assertThat(bounds.contains(desired)).as(d.toString()).isTrue();
        } else {
            assertThat(distance(bounds, desired))
                    .as(d.toString())
                    .isLessThan(distance(bounds, current));
            assertThat(Integer.signum(desired - bounds.clamp(desired)))
                    .as("never overshoots past the bounds: " + d)
                    .isIn(0, Integer.signum(current - bounds.clamp(current)));
        }
    }

    @Property(tries = 3000)
    void stepsNeverExceedTheStepLimitsExceptTheOutOfBoundsCorrection(@ForAll("anySignals") Case c) {
        Decision d = c.decide();
        if (!d.isChange() || d.reason() == Reason.OUT_OF_BOUNDS) {
            return;
        }
        int step = d.desired() - c.status().replicas();
        if (step > 0) {
            assertThat(step)
                    .as(d.toString())
                    .isLessThanOrEqualTo(c.target().scale().replicasPerScaleUp());
        } else {
            assertThat(-step)
                    .as(d.toString())
                    .isLessThanOrEqualTo(c.target().scale().replicasPerScaleDown());
        }
    }

    @Property(tries = 5000)
    void withEverySignalKnownAndBallastRulesOffDecisionsAreNumaflows(
            @ForAll("knownSignals") Case c) {
        Decision d =
                DefaultScalingPolicy.numaflowCompatible()
                        .decide(
                                c.target(),
                                c.status(),
                                c.readings(),
                                c.before().observe(c.readings()),
                                NOW);

        OptionalInt numaflow = NumaflowReference.patch(c.target(), c.status(), c.readings(), NOW);

        if (numaflow.isPresent()) {
            assertThat(d.isChange()).as(d.toString()).isTrue();
            assertThat(d.desired()).as(d.toString()).isEqualTo(numaflow.getAsInt());
        } else {
            assertThat(d.isChange()).as(d.toString()).isFalse();
        }
    }

    @Property(tries = 2000)
    void holdsKeepTheCurrentCountAndChangesComeWithUpOrDown(@ForAll("anySignals") Case c) {
        Decision d = c.decide();

        assertThat(d.explanation()).isNotBlank();
        if (d.reason().isHold()) {
            assertThat(d.desired()).isEqualTo(c.status().replicas());
        } else {
            assertThat(d.isChange()).as(d.toString()).isTrue();
        }
    }

    private static int distance(ScaleBounds bounds, int value) {
        return Math.abs(value - bounds.clamp(value));
    }

    /** One evaluation's inputs under a Ballast policy with random safety settings. */
    record Case(
            DefaultScalingPolicy policy,
            Target target,
            TargetStatus status,
            Readings readings,
            TargetHistory before) {
        Decision decide() {
            return policy.decide(target, status, readings, before.observe(readings), NOW);
        }

        /** The same case, its history saying the source wrote -1 for pending until {@code t}. */
        Case withPendingMinusOnesUntil(Instant t) {
            TargetHistory h =
                    new TargetHistory(
                            before.consecutiveUnknown(),
                            before.consecutiveKnown(),
                            before.sawUnknown(),
                            t,
                            false);
            return new Case(policy, target, status, readings, h);
        }
    }

    static Arbitrary<Case> cases(Arbitrary<Readings> readings) {
        return Combinators.combine(
                        PolicyArbitraries.ballastPolicies(),
                        PolicyArbitraries.targets(),
                        PolicyArbitraries.statuses(),
                        readings,
                        PolicyArbitraries.histories())
                .as(Case::new);
    }

    @Provide
    Arbitrary<Case> withAnUnknownSignal() {
        return cases(PolicyArbitraries.readingsWithAnUnknown());
    }

    /** Any signals, for a target whose source could not tell pending within its lookback. */
    @Provide
    Arbitrary<Case> pendingRecentlyNotAvailable() {
        return cases(PolicyArbitraries.anyReadings())
                .flatMap(
                        c ->
                                Arbitraries.integers()
                                        .between(0, c.target().scale().lookbackSeconds() - 1)
                                        .map(
                                                secondsAgo ->
                                                        c.withPendingMinusOnesUntil(
                                                                NOW.minusSeconds(secondsAgo))));
    }

    @Provide
    Arbitrary<Case> anySignals() {
        return cases(PolicyArbitraries.anyReadings());
    }

    @Provide
    Arbitrary<Case> knownSignals() {
        return cases(PolicyArbitraries.knownReadings());
    }
}
