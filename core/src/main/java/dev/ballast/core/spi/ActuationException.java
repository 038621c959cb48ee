package dev.ballast.core.spi;

import java.util.Objects;

/** A replica change that was not applied. */
public class ActuationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a change was not applied. */
    public enum Failure {
        /** The object no longer exists; the target is finished, not in error. */
        TARGET_GONE,
        /**
         * Someone else changed the object at the same time; the next evaluation sees the new state.
         */
        CONFLICT,
        /**
         * The API asked us to slow down (429) or failed (5xx) for longer than retries could cover.
         */
        UNAVAILABLE,
        /** The API refused the change (forbidden, invalid). */
        REJECTED,
        /**
         * This instance lost the right to actuate (for example the leader lease) before applying.
         */
        NOT_ACTIVE
    }

    private final Failure failure;

    public ActuationException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public ActuationException(Failure failure, String message) {
        this(failure, message, null);
    }

    /** Why the change was not applied. */
    public Failure failure() {
        return failure;
    }
}
