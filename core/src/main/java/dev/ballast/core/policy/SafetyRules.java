package dev.ballast.core.policy;

import dev.ballast.core.model.Readings;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Ballast's rules applied to a Numaflow decision: never scale down while a signal is unknown, while
 * signals are warming up again, while pending may still average the source's -1s, or during the
 * start-up grace; optionally step up toward a fallback when signals stay unknown.
 */
final class SafetyRules {

    private final SafetySettings settings;
    private final Instant graceEndsAt;

    SafetyRules(SafetySettings settings, Instant startedAt) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.graceEndsAt = startedAt.plus(settings.startupGrace());
    }

    Decision apply(Decision decision, Decision.Inputs in, TargetHistory history) {
        if (decision.action() == Action.DOWN) {
            return holdDown(decision, in, history);
        }
        if (settings.fallbackEnabled()
                && isUnknownHold(decision.reason())
                && history.consecutiveUnknown() >= settings.fallbackAfter()
                && in.bounds != null) {
            return fallback(decision, in, history);
        }
        return decision;
    }

    private Decision holdDown(Decision decision, Decision.Inputs in, TargetHistory history) {
        Readings readings = in.readings;
        if (settings.holdOnUnknown() && !readings.allKnown()) {
            return Decision.override(NumaflowRules.unknownReason(readings), decision, null);
        }
        if (in.now.isBefore(graceEndsAt)) {
            return Decision.override(
                    Reason.STARTUP_GRACE,
                    decision,
                    "Ballast started less than "
                            + Explanations.number(settings.startupGrace().toMillis() / 1000.0)
                            + "s ago (start-up grace)");
        }
        if (history.warmingUp(settings.warmupSamples())) {
            return Decision.override(
                    Reason.WARMING_UP,
                    decision,
                    "this is known reading "
                            + history.consecutiveKnown()
                            + " of "
                            + settings.warmupSamples()
                            + " warm-up readings since signals were unknown");
        }
        int lookback = in.target.scale().lookbackSeconds();
        Optional<Instant> readsLowUntil = history.pendingMayReadLowUntil(lookback);
        if (settings.holdOnUnknown()
                && readsLowUntil.isPresent()
                && in.now.isBefore(readsLowUntil.get())) {
            return Decision.override(
                    Reason.WARMING_UP,
                    decision,
                    "the source could not tell pending until "
                            + history.pendingMinusOnesUntil()
                            + "; a pending averaged over lookbackSeconds ("
                            + lookback
                            + "s) may hold its -1s and read low until "
                            + readsLowUntil.get());
        }
        return decision;
    }

    private Decision fallback(Decision unknownHold, Decision.Inputs in, TargetHistory history) {
        int target = in.bounds.clamp(settings.fallbackReplicas());
        if (target <= in.status.replicas()) {
            return unknownHold;
        }
        in.recommended = target;
        in.hasRecommendation = true;
        return NumaflowRules.stepUp(
                Reason.FALLBACK,
                in,
                target,
                "signals unknown for "
                        + history.consecutiveUnknown()
                        + " evaluations (fallback after "
                        + settings.fallbackAfter()
                        + "), fallback replicas "
                        + target);
    }

    private static boolean isUnknownHold(Reason reason) {
        return reason == Reason.SOURCE_UNAVAILABLE
                || reason == Reason.RATE_UNKNOWN
                || reason == Reason.PENDING_UNKNOWN;
    }
}
