package dev.ballast.sim;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.policy.DefaultScalingPolicy;
import dev.ballast.core.policy.ScalingPolicy;
import java.time.Duration;
import java.time.Instant;

/** The policies a scorecard compares, all through the same core policy code. */
public enum PolicyKind {
    /** Ballast with its default safety rules. */
    BALLAST("Ballast"),
    /** Numaflow 1.8: the faithful port, Ballast's rules off. */
    NUMAFLOW("Numaflow 1.8"),
    /** Numaflow before the fix of #1960: an unknown rate or pending read as 0. */
    NUMAFLOW_PRE_FIX("Numaflow pre-fix");

    private final String label;

    PolicyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The policy, for a loop evaluating every {@code interval} from {@code start}. */
    public ScalingPolicy policy(Duration interval, Instant start) {
        return this == BALLAST
                ? DefaultScalingPolicy.withDefaults(interval, start)
                : DefaultScalingPolicy.numaflowCompatible();
    }

    /** What this policy makes of the readings: the pre-fix one reads unknown as 0. */
    public Readings view(Readings readings) {
        if (this != NUMAFLOW_PRE_FIX || readings.allKnown()) {
            return readings;
        }
        return Readings.of(zeroIfUnknown(readings.rate()), zeroIfUnknown(readings.pending()));
    }

    private static Reading zeroIfUnknown(Reading r) {
        return r.isKnown() ? r : Reading.known(0, Instant.EPOCH);
    }
}
