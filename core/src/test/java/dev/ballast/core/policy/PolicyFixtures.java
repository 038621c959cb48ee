package dev.ballast.core.policy;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.model.UnknownCause;
import java.time.Instant;

/** Shared inputs for policy tests. */
final class PolicyFixtures {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final TargetRef REF = TargetRef.monoVertex("ns", "mv");

    private PolicyFixtures() {}

    static Target target(ScaleSpec spec) {
        return Target.of(REF, spec);
    }

    static Target target() {
        return target(ScaleSpec.defaults());
    }

    /** Running, all ready, no change in flight, last scaled {@code secondsAgo} seconds ago. */
    static TargetStatus running(int replicas, long secondsAgo) {
        return TargetStatus.running(replicas, NOW.minusSeconds(secondsAgo));
    }

    static Readings known(double rate, long pending) {
        return Readings.of(Reading.known(rate, NOW), Reading.known(pending, NOW));
    }

    static Readings rateUnknown(long pending) {
        return Readings.of(
                Reading.unknown(UnknownCause.NOT_AVAILABLE, "rater has too few samples"),
                Reading.known(pending, NOW));
    }

    static Readings pendingUnknown(double rate) {
        return Readings.of(
                Reading.known(rate, NOW),
                Reading.unknown(UnknownCause.NOT_AVAILABLE, "source cannot report pending"));
    }

    static Readings sourceDown() {
        return Readings.unknown(UnknownCause.SOURCE_ERROR, "connection refused");
    }

    static Decision numaflow(Target target, TargetStatus status, Readings readings) {
        return DefaultScalingPolicy.numaflowCompatible()
                .decide(target, status, readings, TargetHistory.INITIAL.observe(readings), NOW);
    }
}
