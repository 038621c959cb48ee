package dev.ballast.core.spi;

import dev.ballast.core.model.UnknownCause;
import java.util.Objects;

/**
 * A metric source call that failed as a whole. The {@link Failure} tells a resilience layer whether
 * retrying can help.
 */
public class MetricSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure a source reports. */
    public enum Failure {
        /** The endpoint could not be reached (refused, reset, DNS). Worth retrying. */
        UNREACHABLE(true, UnknownCause.SOURCE_ERROR),
        /** The endpoint did not answer in time. Worth retrying. */
        TIMEOUT(true, UnknownCause.TIMEOUT),
        /** An HTTP status or error answer that may pass (429, 5xx). Worth retrying. */
        SERVER_ERROR(true, UnknownCause.SOURCE_ERROR),
        /** An answer that will not change on retry (4xx other than 429, an error in the query). */
        REJECTED(false, UnknownCause.SOURCE_ERROR),
        /** An answer that could not be parsed. */
        MALFORMED(false, UnknownCause.MALFORMED),
        /**
         * The call was not sent: the source's own request slots stayed busy until the call's
         * deadline (a backlog in Ballast, at a cold start or behind slow endpoints). It says
         * nothing about the endpoint, so a resilience layer should not count it against the
         * endpoint, and retrying would only add to the backlog.
         */
        OVERLOADED(false, UnknownCause.OVERLOADED);

        private final boolean transientFailure;
        private final UnknownCause unknownCause;

        Failure(boolean transientFailure, UnknownCause unknownCause) {
            this.transientFailure = transientFailure;
            this.unknownCause = unknownCause;
        }

        /** Whether a retry may succeed. */
        public boolean isTransient() {
            return transientFailure;
        }

        /** The cause recorded on the unknown readings this failure becomes. */
        public UnknownCause unknownCause() {
            return unknownCause;
        }
    }

    private final Failure failure;

    /**
     * @param failure what kind of failure
     * @param message what happened, naming the endpoint (and for HTTP the status and the first
     *     bytes of the body)
     * @param cause the underlying exception, or {@code null}
     */
    public MetricSourceException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public MetricSourceException(Failure failure, String message) {
        this(failure, message, null);
    }

    /** What kind of failure this is. */
    public Failure failure() {
        return failure;
    }
}
