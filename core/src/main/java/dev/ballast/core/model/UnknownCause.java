package dev.ballast.core.model;

/** Why a reading is unknown. Metric sources map every wire sentinel and failure to one of these. */
public enum UnknownCause {
    /** The source answered but did not report this value (a missing key or map). */
    NOT_REPORTED(false),
    /**
     * The source reported that it cannot tell: a negative sentinel such as -1 (the source cannot
     * report pending) or the daemon's -2^63 rate (its rater has too few samples).
     */
    NOT_AVAILABLE(false),
    /** The value was NaN or infinite. */
    NOT_FINITE(false),
    /** The newest sample is older than the staleness bound. */
    STALE(false),
    /**
     * The source has no data for this target: an empty query result, or the daemon's -2^63 pending
     * (its rater has no samples yet).
     */
    NO_DATA(false),
    /** The answer could not be parsed. */
    MALFORMED(true),
    /** The source could not be reached or answered with an error. */
    SOURCE_ERROR(true),
    /** The source did not answer in time. */
    TIMEOUT(true),
    /** The source was not asked because its circuit breaker is open. */
    CIRCUIT_OPEN(true),
    /**
     * The source was not asked because Ballast's own request slots stayed busy (a backlog at a cold
     * start or behind slow endpoints); says nothing about the source.
     */
    OVERLOADED(true);

    private final boolean sourceFailure;

    UnknownCause(boolean sourceFailure) {
        this.sourceFailure = sourceFailure;
    }

    /** Whether the whole source call failed, as opposed to the source saying it does not know. */
    public boolean isSourceFailure() {
        return sourceFailure;
    }
}
