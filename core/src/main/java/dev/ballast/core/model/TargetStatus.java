package dev.ballast.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cluster says about a target right now: its spec and status replica counts, phases,
 * whether a rolling update is under way and when it was last scaled. Immutable.
 */
public final class TargetStatus {

    private final int specReplicas;
    private final int replicas;
    private final int readyReplicas;
    private final Phase phase;
    private final Phase desiredPhase;
    private final boolean rollingUpdate;
    private final Instant lastScaledAt;

    private TargetStatus(Builder b) {
        this.specReplicas = b.specReplicas;
        this.replicas = b.replicas;
        this.readyReplicas = b.readyReplicas;
        this.phase = Objects.requireNonNull(b.phase, "phase");
        this.desiredPhase = Objects.requireNonNull(b.desiredPhase, "desiredPhase");
        this.rollingUpdate = b.rollingUpdate;
        this.lastScaledAt = b.lastScaledAt;
        if (specReplicas < 0 || replicas < 0 || readyReplicas < 0) {
            throw new IllegalArgumentException(
                    "replica counts must not be negative: spec.replicas="
                            + specReplicas
                            + ", status.replicas="
                            + replicas
                            + ", status.readyReplicas="
                            + readyReplicas);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A running target with {@code replicas} replicas, all ready, none in flight, last scaled at
     * {@code lastScaledAt}.
     */
    public static TargetStatus running(int replicas, Instant lastScaledAt) {
        return builder()
                .specReplicas(replicas)
                .replicas(replicas)
                .readyReplicas(replicas)
                .lastScaledAt(lastScaledAt)
                .build();
    }

    /** {@code spec.replicas}: what was asked for (1 when absent). */
    public int specReplicas() {
        return specReplicas;
    }

    /** {@code status.replicas}: the current replica count; the policy's "current". */
    public int replicas() {
        return replicas;
    }

    /** {@code status.readyReplicas}. */
    public int readyReplicas() {
        return readyReplicas;
    }

    /** {@code status.phase}. */
    public Phase phase() {
        return phase;
    }

    /** {@code spec.lifecycle.desiredPhase} (Running when absent). */
    public Phase desiredPhase() {
        return desiredPhase;
    }

    /** Whether a rolling update is under way ({@code status.updateHash != status.currentHash}). */
    public boolean rollingUpdate() {
        return rollingUpdate;
    }

    /**
     * {@code status.lastScaledAt}: when the pod count last changed, by anyone. Empty for an object
     * that never reported it, which counts as "long ago" (no cooldown), as in Numaflow.
     */
    public Optional<Instant> lastScaledAt() {
        return Optional.ofNullable(lastScaledAt);
    }

    /** Seconds from {@code lastScaledAt} to {@code now}; infinite when it was never reported. */
    public double secondsSinceLastScale(Instant now) {
        if (lastScaledAt == null) {
            return Double.POSITIVE_INFINITY;
        }
        long seconds = now.getEpochSecond() - lastScaledAt.getEpochSecond();
        int nanos = now.getNano() - lastScaledAt.getNano();
        return seconds + nanos / 1e9;
    }

    /**
     * The status once Numaflow's reconciler has carried out a change to {@code replicas} at {@code
     * at}: spec and status replicas moved, every replica ready, {@code lastScaledAt} set.
     */
    public TargetStatus scaledTo(int replicas, Instant at) {
        return toBuilder()
                .specReplicas(replicas)
                .replicas(replicas)
                .readyReplicas(replicas)
                .lastScaledAt(at)
                .build();
    }

    public Builder toBuilder() {
        return builder()
                .specReplicas(specReplicas)
                .replicas(replicas)
                .readyReplicas(readyReplicas)
                .phase(phase)
                .desiredPhase(desiredPhase)
                .rollingUpdate(rollingUpdate)
                .lastScaledAt(lastScaledAt);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TargetStatus)) {
            return false;
        }
        TargetStatus s = (TargetStatus) o;
        return specReplicas == s.specReplicas
                && replicas == s.replicas
                && readyReplicas == s.readyReplicas
                && phase == s.phase
                && desiredPhase == s.desiredPhase
                && rollingUpdate == s.rollingUpdate
                && Objects.equals(lastScaledAt, s.lastScaledAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                specReplicas,
                replicas,
                readyReplicas,
                phase,
                desiredPhase,
                rollingUpdate,
                lastScaledAt);
    }

    @Override
    public String toString() {
        return "TargetStatus{spec.replicas="
                + specReplicas
                + ", replicas="
                + replicas
                + ", ready="
                + readyReplicas
                + ", phase="
                + phase
                + ", desiredPhase="
                + desiredPhase
                + (rollingUpdate ? ", rolling update" : "")
                + ", lastScaledAt="
                + lastScaledAt
                + "}";
    }

    /** Defaults: 1 replica asked for, 0 reported, phase and desired phase Running. */
    public static final class Builder {
        private int specReplicas = 1;
        private int replicas;
        private int readyReplicas;
        private Phase phase = Phase.RUNNING;
        private Phase desiredPhase = Phase.RUNNING;
        private boolean rollingUpdate;
        private Instant lastScaledAt;

        private Builder() {}

        public Builder specReplicas(int specReplicas) {
            this.specReplicas = specReplicas;
            return this;
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder readyReplicas(int readyReplicas) {
            this.readyReplicas = readyReplicas;
            return this;
        }

        public Builder phase(Phase phase) {
            this.phase = phase;
            return this;
        }

        public Builder desiredPhase(Phase desiredPhase) {
            this.desiredPhase = desiredPhase;
            return this;
        }

        public Builder rollingUpdate(boolean rollingUpdate) {
            this.rollingUpdate = rollingUpdate;
            return this;
        }

        /** {@code null} when the object never reported it. */
        public Builder lastScaledAt(Instant lastScaledAt) {
            this.lastScaledAt = lastScaledAt;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a replica count is negative
         */
        public TargetStatus build() {
            return new TargetStatus(this);
        }
    }
}
