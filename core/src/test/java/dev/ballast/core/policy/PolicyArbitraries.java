package dev.ballast.core.policy;

import dev.ballast.core.cron.CronExpression;
import dev.ballast.core.model.CronScaling;
import dev.ballast.core.model.CronWindow;
import dev.ballast.core.model.Phase;
import dev.ballast.core.model.ReadLimits;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.model.UnknownCause;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** Generators for the policy's property tests: small numbers, so that edge cases come up often. */
final class PolicyArbitraries {

    static final Instant NOW = PolicyFixtures.NOW;

    /** A window that is open at any time: it always "ends" before it next "starts". */
    static final CronWindow ALWAYS_OPEN =
            new CronWindow(
                    CronExpression.parse("0 0 0 1 1 *"),
                    CronExpression.parse("* * * * * *"),
                    OptionalInt.empty(),
                    OptionalInt.empty());

    private PolicyArbitraries() {}

    static Arbitrary<Target> targets() {
        return Combinators.combine(specs(), limits())
                .as((spec, limits) -> new Target(TargetRef.monoVertex("ns", "mv"), spec, limits));
    }

    static Arbitrary<ScaleSpec> specs() {
        Arbitrary<int[]> bounds =
                Combinators.combine(
                                Arbitraries.integers().between(0, 6),
                                Arbitraries.integers().between(0, 12))
                        .as((min, span) -> new int[] {min, min + span});
        Arbitrary<Integer> cooldown = Arbitraries.of(0, 10, 30, 60, 90, 120);
        return Builders.withBuilder(ScaleSpec::builder)
                .use(bounds)
                .in((b, mm) -> b.min(mm[0]).max(mm[1]))
                .use(Arbitraries.integers().between(0, 19).map(i -> i == 0))
                .in(ScaleSpec.Builder::disabled)
                .use(cooldown)
                .in(ScaleSpec.Builder::scaleUpCooldownSeconds)
                .use(cooldown)
                .in(ScaleSpec.Builder::scaleDownCooldownSeconds)
                .use(Arbitraries.integers().between(1, 4))
                .in(ScaleSpec.Builder::replicasPerScaleUp)
                .use(Arbitraries.integers().between(1, 4))
                .in(ScaleSpec.Builder::replicasPerScaleDown)
                .use(Arbitraries.of(0, 60, 120, 200))
                .in(ScaleSpec.Builder::zeroReplicaSleepSeconds)
                .use(Arbitraries.integers().between(1, 40))
                .in(ScaleSpec.Builder::targetProcessingSeconds)
                .use(crons())
                .in(ScaleSpec.Builder::cron)
                .build(ScaleSpec.Builder::build);
    }

    /** No cron (most often), a window open now with random bounds, or one closed now. */
    static Arbitrary<CronScaling> crons() {
        Arbitrary<OptionalInt> bound =
                Arbitraries.frequencyOf(
                        weight(1, Arbitraries.just(OptionalInt.empty())),
                        weight(3, Arbitraries.integers().between(0, 20).map(OptionalInt::of)));
        Arbitrary<CronScaling> open =
                Combinators.combine(bound, bound)
                        .as(
                                (a, b) -> {
                                    OptionalInt min = a;
                                    OptionalInt max = b;
                                    if (a.isPresent()
                                            && b.isPresent()
                                            && a.getAsInt() > b.getAsInt()) {
                                        min = b;
                                        max = a;
                                    }
                                    return new CronScaling(
                                            ZoneOffset.UTC,
                                            List.of(
                                                    new CronWindow(
                                                            ALWAYS_OPEN.start(),
                                                            ALWAYS_OPEN.end(),
                                                            min,
                                                            max)));
                                });
        CronScaling closed =
                new CronScaling(
                        ZoneOffset.UTC,
                        List.of(
                                new CronWindow(
                                        ALWAYS_OPEN.end(),
                                        ALWAYS_OPEN.start(),
                                        OptionalInt.of(7),
                                        OptionalInt.of(7))));
        return Arbitraries.frequencyOf(
                PolicyArbitraries.<CronScaling>weight(6, Arbitraries.just(null)),
                weight(3, open),
                weight(1, Arbitraries.just(closed)));
    }

    static Arbitrary<ReadLimits> limits() {
        Arbitrary<ReadLimits> limited =
                Combinators.combine(
                                Arbitraries.longs().between(1, 1000),
                                Arbitraries.longs().between(1, 10))
                        .as((batch, max) -> new ReadLimits(batch, OptionalLong.of(max)));
        return Arbitraries.frequencyOf(
                weight(4, Arbitraries.just(ReadLimits.DEFAULT)), weight(1, limited));
    }

    static Arbitrary<TargetStatus> statuses() {
        Arbitrary<Integer> replicas = Arbitraries.integers().between(0, 25);
        Arbitrary<Phase> phase =
                Arbitraries.frequencyOf(
                        weight(17, Arbitraries.just(Phase.RUNNING)),
                        weight(3, Arbitraries.of(Phase.class)));
        Arbitrary<Phase> desiredPhase =
                Arbitraries.frequencyOf(
                        weight(9, Arbitraries.just(Phase.RUNNING)),
                        weight(1, Arbitraries.just(Phase.PAUSED)));
        Arbitrary<Instant> lastScaledAt =
                Arbitraries.frequencyOf(
                        PolicyArbitraries.<Instant>weight(1, Arbitraries.just(null)),
                        weight(
                                9,
                                Arbitraries.longs()
                                        .between(0, 400_000)
                                        .map(ms -> NOW.minus(Duration.ofMillis(ms)))));
        Arbitrary<int[]> counts =
                replicas.flatMap(
                        r ->
                                Combinators.combine(
                                                Arbitraries.frequencyOf(
                                                        weight(4, Arbitraries.just(r)),
                                                        weight(1, replicas)),
                                                Arbitraries.frequencyOf(
                                                        weight(4, Arbitraries.just(r)),
                                                        weight(
                                                                1,
                                                                Arbitraries.integers()
                                                                        .between(0, r))))
                                        .as((spec, ready) -> new int[] {spec, r, ready}));
        return Combinators.combine(
                        counts,
                        phase,
                        desiredPhase,
                        Arbitraries.integers().between(0, 9).map(i -> i == 0),
                        lastScaledAt)
                .as(
                        (c, p, dp, rolling, last) ->
                                TargetStatus.builder()
                                        .specReplicas(c[0])
                                        .replicas(c[1])
                                        .readyReplicas(c[2])
                                        .phase(p)
                                        .desiredPhase(dp)
                                        .rollingUpdate(rolling)
                                        .lastScaledAt(last)
                                        .build());
    }

    static Arbitrary<Reading> knownRates() {
        return Arbitraries.frequencyOf(
                weight(1, Arbitraries.just(Reading.known(0.0, NOW))),
                weight(
                        4,
                        Arbitraries.doubles()
                                .between(0.001, 5000)
                                .ofScale(3)
                                .map(v -> Reading.known(v, NOW))));
    }

    static Arbitrary<Reading> knownPendings() {
        return Arbitraries.frequencyOf(
                weight(1, Arbitraries.just(Reading.known(0, NOW))),
                weight(
                        3,
                        Arbitraries.longs().between(1, 1_000_000).map(v -> Reading.known(v, NOW))));
    }

    static Arbitrary<Reading> unknowns() {
        return Arbitraries.of(UnknownCause.class).map(c -> Reading.unknown(c, "generated"));
    }

    static Arbitrary<Readings> knownReadings() {
        return Combinators.combine(knownRates(), knownPendings()).as(Readings::of);
    }

    /** Readings of which at least one is unknown. */
    static Arbitrary<Readings> readingsWithAnUnknown() {
        return Arbitraries.oneOf(
                Combinators.combine(unknowns(), knownPendings()).as(Readings::of),
                Combinators.combine(knownRates(), unknowns()).as(Readings::of),
                Combinators.combine(unknowns(), unknowns()).as(Readings::of));
    }

    static Arbitrary<Readings> anyReadings() {
        return Arbitraries.oneOf(knownReadings(), readingsWithAnUnknown());
    }

    /**
     * Histories before this evaluation: fresh, after an outage, or in a known or unknown streak.
     */
    static Arbitrary<TargetHistory> histories() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, false))
                .as(
                        (unknown, known, saw) ->
                                unknown > 0
                                        ? new TargetHistory(unknown, 0, true)
                                        : new TargetHistory(0, known, saw));
    }

    /** Ballast policies with random safety settings, all holding on unknown signals. */
    static Arbitrary<DefaultScalingPolicy> ballastPolicies() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.longs().between(0, 60),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.longs().between(0, 120))
                .as(
                        (warmup, grace, fallbackAfter, fallbackReplicas, startedAgo) ->
                                new DefaultScalingPolicy(
                                        new SafetySettings(
                                                true,
                                                warmup,
                                                Duration.ofSeconds(grace),
                                                fallbackAfter,
                                                fallbackReplicas),
                                        NOW.minusSeconds(startedAgo)));
    }

    /** A weighted choice, typed so that Java can infer it. */
    static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> weight(
            int weight, Arbitrary<? extends T> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }
}
