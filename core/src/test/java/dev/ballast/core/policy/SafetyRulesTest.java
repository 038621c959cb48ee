package dev.ballast.core.policy;

import static dev.ballast.core.policy.PolicyFixtures.NOW;
import static dev.ballast.core.policy.PolicyFixtures.known;
import static dev.ballast.core.policy.PolicyFixtures.pendingUnknown;
import static dev.ballast.core.policy.PolicyFixtures.rateUnknown;
import static dev.ballast.core.policy.PolicyFixtures.running;
import static dev.ballast.core.policy.PolicyFixtures.sourceDown;
import static dev.ballast.core.policy.PolicyFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.TargetStatus;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Ballast's rules on top of Numaflow's (ballast.md, "Decision rules"). */
class SafetyRulesTest {

    /** 10 ready replicas, rate 100/s, pending 400: needs 2, so Numaflow steps down to 8. */
    static final Readings NEEDS_FEWER = known(100, 400);

    /** 2 ready replicas, rate 10/s, pending 1000: needs 10, so Numaflow steps up to 4. */
    static final Readings NEEDS_MORE = known(10, 1000);

    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final DefaultScalingPolicy LONG_RUNNING =
            DefaultScalingPolicy.withDefaults(INTERVAL, NOW.minus(Duration.ofHours(1)));

    static Decision decide(
            DefaultScalingPolicy policy,
            TargetStatus status,
            Readings readings,
            TargetHistory before) {
        return policy.decide(target(), status, readings, before.observe(readings), NOW);
    }

    @Nested
    class UnknownSignals {
        @Test
        void holdsWhenTheRateIsUnknownEvenWithZeroPending() {
            Decision d =
                    decide(LONG_RUNNING, running(3, 600), rateUnknown(0), TargetHistory.INITIAL);

            assertThat(d.reason()).isEqualTo(Reason.RATE_UNKNOWN);
            assertThat(d.action()).isEqualTo(Action.NONE);
            assertThat(d.desired()).isEqualTo(3);
            assertThat(d.explanation())
                    .contains("rate unknown(NOT_AVAILABLE")
                    .contains("pending 0")
                    .contains("holding at 3");
        }

        @Test
        void holdsWhenTheSourceFailed() {
            Decision d = decide(LONG_RUNNING, running(3, 600), sourceDown(), TargetHistory.INITIAL);

            assertThat(d.reason()).isEqualTo(Reason.SOURCE_UNAVAILABLE);
            assertThat(d.desired()).isEqualTo(3);
        }
    }

    @Test
    void aCronWindowNeverScalesDownWhileASignalIsUnknown() {
        ScaleSpec businessHours = NumaflowRulesTest.businessHours();
        Readings down = sourceDown();

        Decision ballast =
                LONG_RUNNING.decide(
                        target(businessHours),
                        running(12, 600),
                        down,
                        TargetHistory.INITIAL.observe(down),
                        NOW);
        Decision numaflow =
                DefaultScalingPolicy.numaflowCompatible()
                        .decide(
                                target(businessHours),
                                running(12, 600),
                                down,
                                TargetHistory.INITIAL.observe(down),
                                NOW);

        assertThat(numaflow.reason()).isEqualTo(Reason.CRON_WINDOW);
        assertThat(numaflow.desired()).isEqualTo(10);
        assertThat(ballast.reason()).isEqualTo(Reason.SOURCE_UNAVAILABLE);
        assertThat(ballast.desired()).isEqualTo(12);
        assertThat(ballast.explanation())
                .startsWith("would CRON_WINDOW 12 -> 10, but rate unknown(SOURCE_ERROR");
    }

    @Nested
    class WarmUp {
        TargetHistory afterOutage = TargetHistory.INITIAL.observe(sourceDown());

        @Test
        void firstKnownReadingAfterUnknownMayNotScaleDown() {
            Decision d = decide(LONG_RUNNING, running(10, 600), NEEDS_FEWER, afterOutage);

            assertThat(d.reason()).isEqualTo(Reason.WARMING_UP);
            assertThat(d.desired()).isEqualTo(10);
            assertThat(d.overridden())
                    .get()
                    .extracting(Decision::reason)
                    .isEqualTo(Reason.SCALE_DOWN);
            assertThat(d.explanation())
                    .isEqualTo(
                            "would SCALE_DOWN 10 -> 8, but this is known reading 1 of 2 warm-up"
                                    + " readings since signals were unknown");
        }

        @Test
        void secondKnownReadingMayNotScaleDownEither() {
            TargetHistory oneKnown = afterOutage.observe(NEEDS_FEWER);

            Decision d = decide(LONG_RUNNING, running(10, 600), NEEDS_FEWER, oneKnown);

            assertThat(d.reason()).isEqualTo(Reason.WARMING_UP);
        }

        @Test
        void thirdKnownReadingScalesDown() {
            TargetHistory twoKnown = afterOutage.observe(NEEDS_FEWER).observe(NEEDS_FEWER);

            Decision d = decide(LONG_RUNNING, running(10, 600), NEEDS_FEWER, twoKnown);

            assertThat(d.reason()).isEqualTo(Reason.SCALE_DOWN);
            assertThat(d.desired()).isEqualTo(8);
        }

        @Test
        void warmUpStillScalesUp() {
            Decision d = decide(LONG_RUNNING, running(2, 600), NEEDS_MORE, afterOutage);

            assertThat(d.reason()).isEqualTo(Reason.SCALE_UP);
            assertThat(d.desired()).isEqualTo(4);
        }

        @Test
        void noWarmUpForATargetWhoseSignalsWereNeverUnknown() {
            Decision d = decide(LONG_RUNNING, running(10, 600), NEEDS_FEWER, TargetHistory.INITIAL);

            assertThat(d.reason()).isEqualTo(Reason.SCALE_DOWN);
        }
    }

    /** Numaflow's daemon averages pending over the lookback, the source's -1s included. */
    @Nested
    class PendingAveragedWithMinusOnes {
        final TargetHistory clean = TargetHistory.INITIAL.observe(NEEDS_FEWER, NOW);

        /** Pending not available {@code secondsAgo}, then enough known readings to warm up. */
        TargetHistory notAvailable(long secondsAgo, Readings readings) {
            return TargetHistory.INITIAL
                    .observe(readings, NOW.minusSeconds(secondsAgo))
                    .observe(NEEDS_FEWER, NOW.minusSeconds(secondsAgo - 1))
                    .observe(NEEDS_FEWER, NOW.minusSeconds(secondsAgo - 2))
                    .observe(NEEDS_FEWER, NOW.minusSeconds(secondsAgo - 3));
        }

        @Test
        void noScaleDownForALookbackAfterTheSourceCouldNotTellPending() {
            TargetHistory before = notAvailable(60, pendingUnknown(100));

            Decision d = decide(LONG_RUNNING, running(10, 600), NEEDS_FEWER, before);

            assertThat(d.reason()).isEqualTo(Reason.WARMING_UP);
            assertThat(d.desired()).isEqualTo(10);
            assertThat(d.explanation())
                    .isEqualTo(
                            "would SCALE_DOWN 10 -> 8, but the source could not tell pending until"
                                    + " 2026-06-01T11:59:01Z; a pending averaged over"
                                    + " lookbackSeconds (120s) may hold its -1s and read low until"
                                    + " 2026-06-01T12:01:11Z");
        }

        @Test
        void theHoldRunsFromTheFirstEvaluationAfterTheLastMinusOne() {
            // The -1s may have gone on until the evaluation that no longer saw them.
            TargetHistory before =
                    TargetHistory.INITIAL
                            .observe(pendingUnknown(100), NOW.minusSeconds(135))
                            .observe(NEEDS_FEWER, NOW.minusSeconds(100))
                            .observe(NEEDS_FEWER, NOW.minusSeconds(70))
                            .observe(NEEDS_FEWER, NOW.minusSeconds(40));

            Decision d = decide(LONG_RUNNING, running(10, 600), NEEDS_FEWER, before);

            assertThat(before.pendingMinusOnesUntil()).isEqualTo(NOW.minusSeconds(100));
            assertThat(d.reason()).isEqualTo(Reason.WARMING_UP);
        }

        @Test
        void scalesDownOnceALookbackHasPassed() {
            TargetHistory before = notAvailable(132, pendingUnknown(100));

            Decision d = decide(LONG_RUNNING, running(10, 600), NEEDS_FEWER, before);

            assertThat(d.reason()).isEqualTo(Reason.SCALE_DOWN);
        }

        @Test
        void theLastMinuteNotAvailableHoldsAlthoughTheAverageIsStillKnown() {
            Readings lastMinuteMinusOne =
                    Readings.of(
                            NEEDS_FEWER.rate(),
                            NEEDS_FEWER.pending(),
                            java.util.Map.of(),
                            java.util.Map.of(
                                    TargetHistory.SHORT_WINDOW,
                                    dev.ballast.core.model.Reading.unknown(
                                            dev.ballast.core.model.UnknownCause.NOT_AVAILABLE,
                                            "pending -1")));

            Decision d =
                    LONG_RUNNING.decide(
                            target(),
                            running(10, 600),
                            lastMinuteMinusOne,
                            TargetHistory.INITIAL.observe(lastMinuteMinusOne, NOW),
                            NOW);

            assertThat(d.reason()).isEqualTo(Reason.WARMING_UP);
            assertThat(d.overridden())
                    .get()
                    .extracting(Decision::reason)
                    .isEqualTo(Reason.SCALE_DOWN);
        }

        @Test
        void stillScalesUp() {
            Decision d =
                    decide(
                            LONG_RUNNING,
                            running(2, 600),
                            NEEDS_MORE,
                            notAvailable(60, pendingUnknown(100)));

            assertThat(d.reason()).isEqualTo(Reason.SCALE_UP);
        }

        @Test
        void aSourceErrorIsNotASourceThatCannotTellPending() {
            Decision d =
                    decide(
                            LONG_RUNNING,
                            running(10, 600),
                            NEEDS_FEWER,
                            notAvailable(60, sourceDown()));

            assertThat(d.reason()).isEqualTo(Reason.SCALE_DOWN);
        }

        @Test
        void numaflowsOwnRulesDoNotHold() {
            Decision d =
                    decide(
                            DefaultScalingPolicy.numaflowCompatible(),
                            running(10, 600),
                            NEEDS_FEWER,
                            notAvailable(60, pendingUnknown(100)));

            assertThat(d.reason()).isEqualTo(Reason.SCALE_DOWN);
            assertThat(clean.pendingMinusOnesUntil()).isNull();
        }
    }

    @Nested
    class StartUpGrace {
        @Test
        void noScaleDownInTheFirstIntervalAfterStart() {
            DefaultScalingPolicy justStarted =
                    DefaultScalingPolicy.withDefaults(INTERVAL, NOW.minusSeconds(10));

            Decision d = decide(justStarted, running(10, 600), NEEDS_FEWER, TargetHistory.INITIAL);

            assertThat(d.reason()).isEqualTo(Reason.STARTUP_GRACE);
            assertThat(d.desired()).isEqualTo(10);
            assertThat(d.explanation()).contains("would SCALE_DOWN 10 -> 8").contains("30s");
        }

        @Test
        void scalesUpDuringTheGrace() {
            DefaultScalingPolicy justStarted =
                    DefaultScalingPolicy.withDefaults(INTERVAL, NOW.minusSeconds(10));

            Decision d = decide(justStarted, running(2, 600), NEEDS_MORE, TargetHistory.INITIAL);

            assertThat(d.reason()).isEqualTo(Reason.SCALE_UP);
        }

        @Test
        void scalesDownOnceTheGraceIsOver() {
            DefaultScalingPolicy started =
                    DefaultScalingPolicy.withDefaults(INTERVAL, NOW.minus(INTERVAL));

            Decision d = decide(started, running(10, 600), NEEDS_FEWER, TargetHistory.INITIAL);

            assertThat(d.reason()).isEqualTo(Reason.SCALE_DOWN);
        }
    }

    @Nested
    class Fallback {
        DefaultScalingPolicy fallbackToSixAfterThree =
                new DefaultScalingPolicy(
                        new SafetySettings(true, 2, INTERVAL, 3, 6),
                        NOW.minus(Duration.ofHours(1)));

        TargetHistory unknownTimes(int n) {
            TargetHistory h = TargetHistory.INITIAL;
            for (int i = 0; i < n; i++) {
                h = h.observe(sourceDown());
            }
            return h;
        }

        @Test
        void holdsBeforeTheThreshold() {
            Decision d =
                    decide(fallbackToSixAfterThree, running(2, 600), sourceDown(), unknownTimes(1));

            assertThat(d.reason()).isEqualTo(Reason.SOURCE_UNAVAILABLE);
        }

        @Test
        void stepsUpTowardTheFallbackAtTheThreshold() {
            Decision d =
                    decide(fallbackToSixAfterThree, running(2, 600), sourceDown(), unknownTimes(2));

            assertThat(d.reason()).isEqualTo(Reason.FALLBACK);
            assertThat(d.desired()).isEqualTo(4);
            assertThat(d.explanation())
                    .isEqualTo(
                            "signals unknown for 3 evaluations (fallback after 3), fallback"
                                    + " replicas 6; step limit 2: 2 -> 4");
        }

        @Test
        void neverGoesDownToTheFallback() {
            Decision d =
                    decide(fallbackToSixAfterThree, running(9, 600), sourceDown(), unknownTimes(5));

            assertThat(d.reason()).isEqualTo(Reason.SOURCE_UNAVAILABLE);
            assertThat(d.desired()).isEqualTo(9);
        }

        @Test
        void fallbackIsLimitedByMax() {
            DefaultScalingPolicy policy = fallbackToSixAfterThree;
            ScaleSpec maxThree = ScaleSpec.builder().max(3).build();
            Readings r = sourceDown();

            Decision d =
                    policy.decide(
                            target(maxThree), running(2, 600), r, unknownTimes(5).observe(r), NOW);

            assertThat(d.reason()).isEqualTo(Reason.FALLBACK);
            assertThat(d.desired()).isEqualTo(3);
        }

        @Test
        void fallbackRespectsTheScaleUpCooldown() {
            Decision d =
                    decide(fallbackToSixAfterThree, running(2, 10), sourceDown(), unknownTimes(5));

            assertThat(d.reason()).isEqualTo(Reason.COOLDOWN);
            assertThat(d.desired()).isEqualTo(2);
        }
    }

    @Test
    void numaflowCompatibleModeHasNoWarmUpOrGrace() {
        DefaultScalingPolicy numaflow = DefaultScalingPolicy.numaflowCompatible();
        TargetHistory afterOutage = TargetHistory.INITIAL.observe(sourceDown());

        Decision d = decide(numaflow, running(10, 600), NEEDS_FEWER, afterOutage);

        assertThat(d.reason()).isEqualTo(Reason.SCALE_DOWN);
        assertThat(numaflow.settings()).isEqualTo(SafetySettings.numaflowCompatible());
    }
}
