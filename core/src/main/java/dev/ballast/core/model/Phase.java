package dev.ballast.core.model;

import java.util.Locale;

/**
 * A Numaflow object's lifecycle phase ({@code status.phase}) or desired phase ({@code
 * spec.lifecycle.desiredPhase}).
 */
public enum Phase {
    /**
     * The empty phase of an object that has not been reconciled yet, or a phase Ballast does not
     * know.
     */
    UNKNOWN(""),
    RUNNING("Running"),
    FAILED("Failed"),
    PAUSING("Pausing"),
    PAUSED("Paused"),
    DELETING("Deleting");

    private final String wireName;

    Phase(String wireName) {
        this.wireName = wireName;
    }

    /** The name as it appears in the Kubernetes object, for example {@code Running}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a phase as written in a Kubernetes object. {@code null}, empty and unrecognised names
     * give {@link #UNKNOWN}, which the policy never treats as running.
     */
    public static Phase fromWire(String name) {
        if (name == null || name.isEmpty()) {
            return UNKNOWN;
        }
        for (Phase phase : values()) {
            if (phase.wireName.equalsIgnoreCase(name)) {
                return phase;
            }
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return this == UNKNOWN ? "unknown" : wireName.toLowerCase(Locale.ROOT);
    }
}
