package dev.ballast.core.policy;

/**
 * Why a decision was made. Every decision carries exactly one reason; the decision log, metrics and
 * Kubernetes events use these names. The list is documented in {@code docs/reasons.md}, which a
 * test keeps in step with this enum.
 */
public enum Reason {
    // Changes.
    SCALE_UP(Action.UP, "The backlog needs more replicas than are running; stepping up."),
    SCALE_DOWN(Action.DOWN, "Fewer replicas can keep up with the backlog; stepping down."),
    SCALE_TO_ZERO(
            Action.DOWN,
            "Rate and pending are both known to be exactly 0; stepping down to zero replicas."),
    PEEK_FROM_ZERO(
            Action.UP,
            "At zero replicas for zeroReplicaSleepSeconds; starting one replica to look for work."),
    OUT_OF_BOUNDS(
            null,
            "The replica count is outside [min, max] (changed by hand, or the bounds changed); set"
                    + " straight to the desired count within the bounds."),
    CRON_WINDOW(
            null,
            "A cron window is open and the replica count is outside its bounds; stepping toward"
                    + " them."),
    FALLBACK(
            Action.UP,
            "Signals have been unknown for too long; stepping up toward the configured fallback"
                    + " (never down)."),

    // Holds that come from the target's state.
    DISABLED(Action.NONE, "Autoscaling is disabled for this target."),
    ROLLING_UPDATE(Action.NONE, "A rolling update is under way."),
    COOLDOWN(Action.NONE, "The last scaling was too recent (scale-up or scale-down cooldown)."),
    NOT_RUNNING(Action.NONE, "The target is not running, or is asked to pause."),
    REPLICAS_IN_FLIGHT(
            Action.NONE, "The last replica change has not been carried out yet (status != spec)."),
    FIXED_BOUNDS(Action.NONE, "min equals max: there is nothing to decide."),
    ZERO_REPLICA_SLEEP(
            Action.NONE, "At zero replicas; waiting zeroReplicaSleepSeconds before peeking."),
    NO_READY_REPLICAS(Action.NONE, "No replica is ready, so the rate says nothing yet."),
    STATUS_UNKNOWN(Action.NONE, "The target's current status is not known (cache not synced)."),

    // Holds that come from the signals.
    SOURCE_UNAVAILABLE(
            Action.NONE,
            "The metric source could not be read (error, timeout, open circuit); holding."),
    RATE_UNKNOWN(Action.NONE, "The processing rate is unknown; holding (never read as 0)."),
    PENDING_UNKNOWN(Action.NONE, "The pending count is unknown; holding (never read as 0)."),
    RATE_LIMITED(
            Action.NONE,
            "The rate is at the source's rate limit, so more replicas would not read faster."),

    // Holds from the outcome of the computation.
    STEADY(Action.NONE, "The replica count is what the backlog needs."),
    AT_BOUNDS(
            Action.NONE, "More (or fewer) replicas are needed, but the count is at max (or min)."),

    // Holds added by Ballast's safety rules.
    WARMING_UP(
            Action.NONE,
            "Signals were unknown recently, or pending may still average the source's -1s; known"
                    + " readings may scale up but not down."),
    STARTUP_GRACE(Action.NONE, "Ballast started less than one interval ago; no scale-down yet."),
    EVALUATION_FAILED(
            Action.NONE, "The evaluation failed unexpectedly; nothing was changed (see the log).");

    private final Action action;
    private final String description;

    Reason(Action action, String description) {
        this.action = action;
        this.description = description;
    }

    /**
     * The action this reason always comes with, or {@code null} for reasons that can go either way
     * ({@link #OUT_OF_BOUNDS}, {@link #CRON_WINDOW}).
     */
    public Action action() {
        return action;
    }

    /** Whether decisions with this reason leave the replica count unchanged. */
    public boolean isHold() {
        return action == Action.NONE;
    }

    /** One sentence for the reference documentation. */
    public String description() {
        return description;
    }
}
