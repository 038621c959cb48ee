package dev.ballast.core.policy;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Ballast's policy: Numaflow's MonoVertex rules, then Ballast's safety rules. With {@link
 * SafetySettings#numaflowCompatible()} its decisions are exactly Numaflow's.
 */
public final class DefaultScalingPolicy implements ScalingPolicy {

    private final NumaflowRules numaflow = new NumaflowRules();
    private final SafetyRules safety;
    private final SafetySettings settings;

    /**
     * @param settings the safety rules to apply
     * @param startedAt when Ballast started, for the start-up grace
     */
    public DefaultScalingPolicy(SafetySettings settings, Instant startedAt) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.safety = new SafetyRules(settings, Objects.requireNonNull(startedAt, "startedAt"));
    }

    /**
     * Ballast's defaults for a loop running every {@code interval}, started at {@code startedAt}.
     */
    public static DefaultScalingPolicy withDefaults(Duration interval, Instant startedAt) {
        return new DefaultScalingPolicy(SafetySettings.defaults(interval), startedAt);
    }

    /** Numaflow's decisions, with every Ballast rule off. */
    public static DefaultScalingPolicy numaflowCompatible() {
        return new DefaultScalingPolicy(SafetySettings.numaflowCompatible(), Instant.EPOCH);
    }

    /** The safety rules this policy applies. */
    public SafetySettings settings() {
        return settings;
    }

    @Override
    public Decision decide(
            Target target,
            TargetStatus status,
            Readings readings,
            TargetHistory history,
            Instant now) {
        Decision.Inputs in = new Decision.Inputs(target, status, readings, now);
        return safety.apply(numaflow.decide(in), in, history);
    }
}
