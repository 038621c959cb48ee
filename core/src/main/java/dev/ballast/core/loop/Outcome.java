package dev.ballast.core.loop;

/** What became of a decision. */
public enum Outcome {
    /** The decision was to change nothing. */
    NO_CHANGE,
    /** The replica change was applied. */
    APPLIED,
    /** Dry-run (advisor) mode: the change was reported, not applied. */
    DRY_RUN,
    /** This instance may not actuate now (for example it is not the leader): not applied. */
    NOT_ACTIVE,
    /** The actuator failed to apply the change; the next evaluation tries again. */
    FAILED,
    /** The target no longer exists. */
    TARGET_GONE,
    /** The loop was shutting down: the change was not started. */
    ABANDONED
}
