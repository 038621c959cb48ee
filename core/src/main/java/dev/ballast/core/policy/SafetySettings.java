package dev.ballast.core.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Ballast's rules on top of Numaflow's: what to do while the signals are unknown or have only just
 * become known again.
 *
 * @param holdOnUnknown never scale down while a signal is unknown, even where Numaflow's rules do
 *     not read the signals (cron windows)
 * @param warmupSamples after signals were unknown, this many known readings may scale up but not
 *     down (0 = off)
 * @param startupGrace no scale-down until this long after Ballast started ({@link Duration#ZERO} =
 *     off)
 * @param fallbackAfter after this many evaluations in a row with unknown signals, step up toward
 *     {@code fallbackReplicas} (0 = off)
 * @param fallbackReplicas the replica count to step up toward; never a reason to go down
 */
public record SafetySettings(
        boolean holdOnUnknown,
        int warmupSamples,
        Duration startupGrace,
        int fallbackAfter,
        int fallbackReplicas) {

    /** Ballast's default number of warm-up readings. */
    public static final int DEFAULT_WARMUP_SAMPLES = 2;

    public SafetySettings {
        Objects.requireNonNull(startupGrace, "startupGrace");
        if (warmupSamples < 0) {
            throw new IllegalArgumentException(
                    "safety.warmupSamples=" + warmupSamples + " must not be negative");
        }
        if (startupGrace.isNegative()) {
            throw new IllegalArgumentException(
                    "safety.startupGrace=" + startupGrace + " must not be negative");
        }
        if (fallbackAfter < 0) {
            throw new IllegalArgumentException(
                    "safety.fallback.after=" + fallbackAfter + " must not be negative");
        }
        if (fallbackReplicas < 0) {
            throw new IllegalArgumentException(
                    "safety.fallback.replicas=" + fallbackReplicas + " must not be negative");
        }
    }

    /** Ballast's defaults for a loop running every {@code interval}: all rules on, fallback off. */
    public static SafetySettings defaults(Duration interval) {
        return new SafetySettings(true, DEFAULT_WARMUP_SAMPLES, interval, 0, 0);
    }

    /** Every Ballast rule off: decisions are exactly Numaflow's. */
    public static SafetySettings numaflowCompatible() {
        return new SafetySettings(false, 0, Duration.ZERO, 0, 0);
    }

    /** Whether the fallback rule is on. */
    public boolean fallbackEnabled() {
        return fallbackAfter > 0;
    }
}
