package dev.ballast.core.policy;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleBounds;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of one evaluation of one target: the replica count to have, the action, a {@link
 * Reason}, and the inputs it was made from, so that {@link #explanation()} can say why with the
 * numbers used. Immutable.
 */
public final class Decision {

    private final Reason reason;
    private final Action action;
    private final Target target;
    private final Instant time;
    private final TargetStatus status;
    private final Readings readings;
    private final ScaleBounds bounds;
    private final int desired;
    private final int recommended;
    private final boolean hasRecommendation;
    private final Decision overridden;
    private final String detail;

    private Decision(
            Reason reason,
            Target target,
            Instant time,
            TargetStatus status,
            Readings readings,
            ScaleBounds bounds,
            int desired,
            int recommended,
            boolean hasRecommendation,
            Decision overridden,
            String detail) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.target = Objects.requireNonNull(target, "target");
        this.time = Objects.requireNonNull(time, "time");
        this.status = status;
        this.readings = readings;
        this.bounds = bounds;
        this.desired = desired;
        this.recommended = recommended;
        this.hasRecommendation = hasRecommendation;
        this.overridden = overridden;
        this.detail = detail;
        if (status == null) {
            this.action = Action.NONE;
        } else if (desired > status.replicas()) {
            this.action = Action.UP;
        } else if (desired < status.replicas()) {
            this.action = Action.DOWN;
        } else {
            this.action = Action.NONE;
        }
        if (reason.action() != null && reason.action() != action) {
            throw new IllegalArgumentException(
                    "reason " + reason + " cannot come with action " + action);
        }
    }

    /** A decision to keep the current replica count. */
    static Decision hold(Reason reason, Inputs in) {
        int current = in.status.replicas();
        return new Decision(
                reason,
                in.target,
                in.now,
                in.status,
                in.readings,
                in.bounds,
                current,
                0,
                false,
                null,
                null);
    }

    /**
     * A hold in place of {@code overridden}, which is kept for the record.
     *
     * @param detail why, for the explanation; {@code null} for the reason's own description
     */
    static Decision override(Reason reason, Decision overridden, String detail) {
        return new Decision(
                reason,
                overridden.target,
                overridden.time,
                overridden.status,
                overridden.readings,
                overridden.bounds,
                overridden.status.replicas(),
                overridden.recommended,
                overridden.hasRecommendation,
                overridden,
                detail);
    }

    /** A decision to move to {@code desired} replicas. */
    static Decision change(Reason reason, Inputs in, int desired) {
        return change(reason, in, desired, null);
    }

    /** A decision to move to {@code desired} replicas, with a detail for the explanation. */
    static Decision change(Reason reason, Inputs in, int desired, String detail) {
        return new Decision(
                reason,
                in.target,
                in.now,
                in.status,
                in.readings,
                in.bounds,
                desired,
                in.recommended,
                in.hasRecommendation,
                null,
                detail);
    }

    /**
     * A hold made without a known status (the status was unknown, or the evaluation failed before a
     * decision could be made).
     *
     * @param detail a short human explanation, for example the exception message
     */
    public static Decision withoutStatus(
            Reason reason, Target target, Instant time, Readings readings, String detail) {
        return new Decision(reason, target, time, null, readings, null, 0, 0, false, null, detail);
    }

    public Reason reason() {
        return reason;
    }

    public Action action() {
        return action;
    }

    /** Whether the replica count changes. */
    public boolean isChange() {
        return action != Action.NONE;
    }

    public Target target() {
        return target;
    }

    /** When the decision was made. */
    public Instant time() {
        return time;
    }

    /** The status it was made from; empty when the status was not known. */
    public Optional<TargetStatus> status() {
        return Optional.ofNullable(status);
    }

    /** The readings it was made from; empty when none were taken. */
    public Optional<Readings> readings() {
        return Optional.ofNullable(readings);
    }

    /** The bounds in force; empty when the decision came before they were computed. */
    public Optional<ScaleBounds> bounds() {
        return Optional.ofNullable(bounds);
    }

    /** {@code status.replicas} when the decision was made; empty when the status was unknown. */
    public OptionalInt currentReplicas() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status.replicas());
    }

    /** The replica count to have after this decision; empty when the status was unknown. */
    public OptionalInt desiredReplicas() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(desired);
    }

    /**
     * The replica count to set. Only meaningful for a change.
     *
     * @throws IllegalStateException when the status was unknown
     */
    public int desired() {
        if (status == null) {
            throw new IllegalStateException("no desired replicas: status unknown (" + reason + ")");
        }
        return desired;
    }

    /**
     * What Numaflow's formula asked for before bounds, step limits and cooldowns; empty when the
     * decision was made before the formula ran.
     */
    public OptionalInt recommended() {
        return hasRecommendation ? OptionalInt.of(recommended) : OptionalInt.empty();
    }

    /** The decision a safety rule held back, if this decision is such a hold. */
    public Optional<Decision> overridden() {
        return Optional.ofNullable(overridden);
    }

    /** Extra detail given with the decision (for example an error message); may be empty. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** One line for humans with the numbers used, for example in the decision log. */
    public String explanation() {
        return Explanations.explain(this);
    }

    @Override
    public String toString() {
        return target.ref() + ": " + reason + " " + action.wireName() + " (" + explanation() + ")";
    }

    /** The inputs of one evaluation and what has been computed from them so far. */
    static final class Inputs {
        final Target target;
        final TargetStatus status;
        final Readings readings;
        final Instant now;
        final double secondsSinceLastScale;
        ScaleBounds bounds;
        int recommended;
        boolean hasRecommendation;

        Inputs(Target target, TargetStatus status, Readings readings, Instant now) {
            this.target = target;
            this.status = status;
            this.readings = readings;
            this.now = now;
            this.secondsSinceLastScale = status.secondsSinceLastScale(now);
        }
    }
}
