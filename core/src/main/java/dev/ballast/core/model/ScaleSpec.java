package dev.ballast.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scaling parameters of one target: every field of Numaflow's {@code spec.scale} with
 * Numaflow's defaults. Immutable; build one with {@link #builder()}.
 *
 * <p>{@link #disabled()} means "leave this target alone". Numaflow's own field of that name turns
 * off Numaflow's built-in scaler; Kubernetes discovery only hands Ballast objects that have it set,
 * and maps Ballast's own opt-out to this flag.
 */
public final class ScaleSpec {

    public static final int DEFAULT_MIN = 0;
    public static final int DEFAULT_MAX = 50;
    public static final int DEFAULT_LOOKBACK_SECONDS = 120;

    /** The daemon never looks back further than this, whatever the spec says. */
    public static final int MAX_LOOKBACK_SECONDS = 600;

    public static final int DEFAULT_COOLDOWN_SECONDS = 90;
    public static final int DEFAULT_ZERO_REPLICA_SLEEP_SECONDS = 120;
    public static final int DEFAULT_TARGET_PROCESSING_SECONDS = 20;
    public static final int DEFAULT_TARGET_BUFFER_AVAILABILITY = 50;
    public static final int DEFAULT_REPLICAS_PER_SCALE = 2;

    /** The names of the integer {@code spec.scale} fields, as Numaflow spells them. */
    public static final List<String> INTEGER_FIELDS =
            List.of(
                    "min",
                    "max",
                    "lookbackSeconds",
                    "zeroReplicaSleepSeconds",
                    "targetProcessingSeconds",
                    "targetBufferAvailability",
                    "replicasPerScale",
                    "replicasPerScaleUp",
                    "replicasPerScaleDown",
                    "scaleUpCooldownSeconds",
                    "scaleDownCooldownSeconds");

    private static final ScaleSpec DEFAULTS = builder().build();

    private final boolean disabled;
    private final int min;
    private final int max;
    private final int lookbackSeconds;
    private final int scaleUpCooldownSeconds;
    private final int scaleDownCooldownSeconds;
    private final int zeroReplicaSleepSeconds;
    private final int targetProcessingSeconds;
    private final int targetBufferAvailability;
    private final int replicasPerScaleUp;
    private final int replicasPerScaleDown;
    private final CronScaling cron;
    private final ScaleBounds baseBounds;
    private final List<String> adjustments;

    private ScaleSpec(Builder b, List<String> adjustments) {
        this.disabled = b.disabled;
        this.min = b.min == null ? DEFAULT_MIN : Math.max(0, b.min);
        this.max = b.max == null ? DEFAULT_MAX : b.max;
        this.lookbackSeconds =
                b.lookbackSeconds == null
                        ? DEFAULT_LOOKBACK_SECONDS
                        : Math.min(MAX_LOOKBACK_SECONDS, b.lookbackSeconds);
        this.scaleUpCooldownSeconds = orDefault(b.scaleUpCooldownSeconds, DEFAULT_COOLDOWN_SECONDS);
        this.scaleDownCooldownSeconds =
                orDefault(b.scaleDownCooldownSeconds, DEFAULT_COOLDOWN_SECONDS);
        this.zeroReplicaSleepSeconds =
                orDefault(b.zeroReplicaSleepSeconds, DEFAULT_ZERO_REPLICA_SLEEP_SECONDS);
        this.targetProcessingSeconds =
                orDefault(b.targetProcessingSeconds, DEFAULT_TARGET_PROCESSING_SECONDS);
        this.targetBufferAvailability =
                orDefault(b.targetBufferAvailability, DEFAULT_TARGET_BUFFER_AVAILABILITY);
        int perScale = orDefault(b.replicasPerScale, DEFAULT_REPLICAS_PER_SCALE);
        this.replicasPerScaleUp = orDefault(b.replicasPerScaleUp, perScale);
        this.replicasPerScaleDown = orDefault(b.replicasPerScaleDown, perScale);
        this.cron = b.cron;
        this.baseBounds = new ScaleBounds(min, max, false);
        this.adjustments = List.copyOf(adjustments);
    }

    /** A builder with every field absent (so Numaflow's defaults apply). */
    public static Builder builder() {
        return new Builder();
    }

    /** The spec of an object that sets no {@code spec.scale} field. */
    public static ScaleSpec defaults() {
        return DEFAULTS;
    }

    /** Whether the autoscaler leaves this target alone. */
    public boolean disabled() {
        return disabled;
    }

    /**
     * {@code scale.min}: fewest replicas (default 0; negative values read as 0, as in Numaflow).
     */
    public int min() {
        return min;
    }

    /** {@code scale.max}: most replicas (default 50). */
    public int max() {
        return max;
    }

    /**
     * {@code scale.lookbackSeconds}: the window the rate is averaged over (default 120, at most
     * 600).
     */
    public int lookbackSeconds() {
        return lookbackSeconds;
    }

    /**
     * {@code scale.scaleUpCooldownSeconds}: wait after any scaling before scaling up (default 90).
     */
    public int scaleUpCooldownSeconds() {
        return scaleUpCooldownSeconds;
    }

    /**
     * {@code scale.scaleDownCooldownSeconds}: wait after any scaling before scaling down (default
     * 90).
     */
    public int scaleDownCooldownSeconds() {
        return scaleDownCooldownSeconds;
    }

    /**
     * {@code scale.zeroReplicaSleepSeconds}: time at zero replicas before peeking with one (default
     * 120).
     */
    public int zeroReplicaSleepSeconds() {
        return zeroReplicaSleepSeconds;
    }

    /**
     * {@code scale.targetProcessingSeconds}: how fast the backlog should be worked off (default
     * 20).
     */
    public int targetProcessingSeconds() {
        return targetProcessingSeconds;
    }

    /**
     * {@code scale.targetBufferAvailability}: percent, pipeline UDF and sink vertices only (default
     * 50).
     */
    public int targetBufferAvailability() {
        return targetBufferAvailability;
    }

    /**
     * {@code scale.replicasPerScaleUp}: largest single step up (default {@code replicasPerScale},
     * then 2).
     */
    public int replicasPerScaleUp() {
        return replicasPerScaleUp;
    }

    /**
     * {@code scale.replicasPerScaleDown}: largest single step down (default {@code
     * replicasPerScale}, then 2).
     */
    public int replicasPerScaleDown() {
        return replicasPerScaleDown;
    }

    /** {@code scale.cron}, if set. */
    public Optional<CronScaling> cron() {
        return Optional.ofNullable(cron);
    }

    /** The bounds in force at {@code at}, taking cron windows into account. */
    public ScaleBounds boundsAt(Instant at) {
        return cron == null ? baseBounds : cron.boundsAt(at, min, max);
    }

    /**
     * What was changed from the values given, one sentence each (a lookback above 600 capped, a
     * negative min read as 0), so that whoever read the spec can warn about it. Empty when nothing
     * was changed.
     */
    public List<String> adjustments() {
        return adjustments;
    }

    /** A builder holding this spec's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.disabled = disabled;
        b.min = min;
        b.max = max;
        b.lookbackSeconds = lookbackSeconds;
        b.scaleUpCooldownSeconds = scaleUpCooldownSeconds;
        b.scaleDownCooldownSeconds = scaleDownCooldownSeconds;
        b.zeroReplicaSleepSeconds = zeroReplicaSleepSeconds;
        b.targetProcessingSeconds = targetProcessingSeconds;
        b.targetBufferAvailability = targetBufferAvailability;
        b.replicasPerScaleUp = replicasPerScaleUp;
        b.replicasPerScaleDown = replicasPerScaleDown;
        b.cron = cron;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ScaleSpec)) {
            return false;
        }
        ScaleSpec s = (ScaleSpec) o;
        return disabled == s.disabled
                && min == s.min
                && max == s.max
                && lookbackSeconds == s.lookbackSeconds
                && scaleUpCooldownSeconds == s.scaleUpCooldownSeconds
                && scaleDownCooldownSeconds == s.scaleDownCooldownSeconds
                && zeroReplicaSleepSeconds == s.zeroReplicaSleepSeconds
                && targetProcessingSeconds == s.targetProcessingSeconds
                && targetBufferAvailability == s.targetBufferAvailability
                && replicasPerScaleUp == s.replicasPerScaleUp
                && replicasPerScaleDown == s.replicasPerScaleDown
                && Objects.equals(cron, s.cron);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                disabled,
                min,
                max,
                lookbackSeconds,
                scaleUpCooldownSeconds,
                scaleDownCooldownSeconds,
                zeroReplicaSleepSeconds,
                targetProcessingSeconds,
                targetBufferAvailability,
                replicasPerScaleUp,
                replicasPerScaleDown,
                cron);
    }

    @Override
    public String toString() {
        return "ScaleSpec{disabled="
                + disabled
                + ", min="
                + min
                + ", max="
                + max
                + ", lookbackSeconds="
                + lookbackSeconds
                + ", scaleUpCooldownSeconds="
                + scaleUpCooldownSeconds
                + ", scaleDownCooldownSeconds="
                + scaleDownCooldownSeconds
                + ", zeroReplicaSleepSeconds="
                + zeroReplicaSleepSeconds
                + ", targetProcessingSeconds="
                + targetProcessingSeconds
                + ", targetBufferAvailability="
                + targetBufferAvailability
                + ", replicasPerScaleUp="
                + replicasPerScaleUp
                + ", replicasPerScaleDown="
                + replicasPerScaleDown
                + (cron == null ? "" : ", cron=" + cron)
                + "}";
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /**
     * Collects {@code spec.scale} fields; a field never set takes Numaflow's default. {@link
     * #build()} checks every field and reports all problems at once.
     */
    public static final class Builder {
        private boolean disabled;
        private Integer min;
        private Integer max;
        private Integer lookbackSeconds;
        private Integer scaleUpCooldownSeconds;
        private Integer scaleDownCooldownSeconds;
        private Integer zeroReplicaSleepSeconds;
        private Integer targetProcessingSeconds;
        private Integer targetBufferAvailability;
        private Integer replicasPerScale;
        private Integer replicasPerScaleUp;
        private Integer replicasPerScaleDown;
        private CronScaling cron;

        private Builder() {}

        public Builder disabled(boolean disabled) {
            this.disabled = disabled;
            return this;
        }

        public Builder min(Integer min) {
            this.min = min;
            return this;
        }

        public Builder max(Integer max) {
            this.max = max;
            return this;
        }

        public Builder lookbackSeconds(Integer seconds) {
            this.lookbackSeconds = seconds;
            return this;
        }

        public Builder scaleUpCooldownSeconds(Integer seconds) {
            this.scaleUpCooldownSeconds = seconds;
            return this;
        }

        public Builder scaleDownCooldownSeconds(Integer seconds) {
            this.scaleDownCooldownSeconds = seconds;
            return this;
        }

        public Builder zeroReplicaSleepSeconds(Integer seconds) {
            this.zeroReplicaSleepSeconds = seconds;
            return this;
        }

        public Builder targetProcessingSeconds(Integer seconds) {
            this.targetProcessingSeconds = seconds;
            return this;
        }

        public Builder targetBufferAvailability(Integer percent) {
            this.targetBufferAvailability = percent;
            return this;
        }

        /** The deprecated {@code replicasPerScale}: the default of both step limits. */
        public Builder replicasPerScale(Integer replicas) {
            this.replicasPerScale = replicas;
            return this;
        }

        public Builder replicasPerScaleUp(Integer replicas) {
            this.replicasPerScaleUp = replicas;
            return this;
        }

        public Builder replicasPerScaleDown(Integer replicas) {
            this.replicasPerScaleDown = replicas;
            return this;
        }

        /**
         * Sets the integer field named as in Numaflow's {@code spec.scale} (one of {@link
         * #INTEGER_FIELDS}).
         *
         * @throws IllegalArgumentException for another name
         */
        public Builder field(String name, Integer value) {
            switch (name) {
                case "min":
                    return min(value);
                case "max":
                    return max(value);
                case "lookbackSeconds":
                    return lookbackSeconds(value);
                case "zeroReplicaSleepSeconds":
                    return zeroReplicaSleepSeconds(value);
                case "targetProcessingSeconds":
                    return targetProcessingSeconds(value);
                case "targetBufferAvailability":
                    return targetBufferAvailability(value);
                case "replicasPerScale":
                    return replicasPerScale(value);
                case "replicasPerScaleUp":
                    return replicasPerScaleUp(value);
                case "replicasPerScaleDown":
                    return replicasPerScaleDown(value);
                case "scaleUpCooldownSeconds":
                    return scaleUpCooldownSeconds(value);
                case "scaleDownCooldownSeconds":
                    return scaleDownCooldownSeconds(value);
                default:
                    throw new IllegalArgumentException(
                            "no integer spec.scale field '"
                                    + name
                                    + "'; expected one of "
                                    + INTEGER_FIELDS);
            }
        }

        public Builder cron(CronScaling cron) {
            this.cron = cron;
            return this;
        }

        /**
         * Checks the fields and builds the spec.
         *
         * @throws InvalidSpecException naming every bad field, its value and what is allowed
         */
        public ScaleSpec build() {
            List<String> problems = new ArrayList<>();
            List<String> adjustments = new ArrayList<>();
            if (min != null && min < 0) {
                adjustments.add("scale.min=" + min + " is negative and is read as 0");
            }
            int effectiveMin = min == null ? DEFAULT_MIN : Math.max(0, min);
            int effectiveMax = max == null ? DEFAULT_MAX : max;
            atLeast(problems, "max", max, 0);
            if (effectiveMax >= 0 && effectiveMin > effectiveMax) {
                problems.add(
                        "scale.min="
                                + effectiveMin
                                + " is greater than scale.max="
                                + effectiveMax
                                + " (min must not exceed max)");
            }
            atLeast(problems, "lookbackSeconds", lookbackSeconds, 1);
            if (lookbackSeconds != null && lookbackSeconds > MAX_LOOKBACK_SECONDS) {
                adjustments.add(
                        "scale.lookbackSeconds="
                                + lookbackSeconds
                                + " is capped at "
                                + MAX_LOOKBACK_SECONDS);
            }
            atLeast(problems, "scaleUpCooldownSeconds", scaleUpCooldownSeconds, 0);
            atLeast(problems, "scaleDownCooldownSeconds", scaleDownCooldownSeconds, 0);
            atLeast(problems, "zeroReplicaSleepSeconds", zeroReplicaSleepSeconds, 0);
            atLeast(problems, "targetProcessingSeconds", targetProcessingSeconds, 1);
            atLeast(problems, "targetBufferAvailability", targetBufferAvailability, 0);
            if (replicasPerScaleUp == null || replicasPerScaleDown == null) {
                atLeast(problems, "replicasPerScale", replicasPerScale, 1);
            }
            atLeast(problems, "replicasPerScaleUp", replicasPerScaleUp, 1);
            atLeast(problems, "replicasPerScaleDown", replicasPerScaleDown, 1);
            if (!problems.isEmpty()) {
                throw new InvalidSpecException(problems);
            }
            return new ScaleSpec(this, adjustments);
        }

        private static void atLeast(List<String> problems, String field, Integer value, int least) {
            if (value != null && value < least) {
                problems.add(
                        "scale."
                                + field
                                + "="
                                + value
                                + (least == 0
                                        ? " must not be negative"
                                        : " must be at least " + least));
            }
        }
    }
}
