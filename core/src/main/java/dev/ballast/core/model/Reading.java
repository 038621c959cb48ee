package dev.ballast.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One signal value: either known (a finite, non-negative number observed at a time) or unknown with
 * a cause. No number ever stands for "unknown".
 */
public sealed interface Reading permits Reading.Known, Reading.Unknown {

    /**
     * A known value.
     *
     * @throws IllegalArgumentException if {@code value} is negative, NaN or infinite: sources must
     *     turn those into {@link #unknown(UnknownCause, String)} at the edge
     */
    static Known known(double value, Instant observedAt) {
        return new Known(value, observedAt);
    }

    /** An unknown value with its cause and a short detail for humans (may be empty). */
    static Unknown unknown(UnknownCause cause, String detail) {
        return new Unknown(cause, detail);
    }

    /** Whether the value is known. */
    boolean isKnown();

    /**
     * The known value.
     *
     * @throws IllegalStateException if the reading is unknown
     */
    double value();

    /** A known reading. */
    record Known(double value, Instant observedAt) implements Reading {
        public Known {
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException(
                        "a known reading must be finite and non-negative, got "
                                + value
                                + "; report it as unknown instead");
            }
            Objects.requireNonNull(observedAt, "observedAt");
        }

        @Override
        public boolean isKnown() {
            return true;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** An unknown reading. */
    record Unknown(UnknownCause cause, String detail) implements Reading {
        public Unknown {
            Objects.requireNonNull(cause, "cause");
            detail = detail == null ? "" : detail;
        }

        @Override
        public boolean isKnown() {
            return false;
        }

        @Override
        public double value() {
            throw new IllegalStateException("reading is unknown (" + this + ")");
        }

        @Override
        public String toString() {
            return detail.isEmpty()
                    ? "unknown(" + cause + ")"
                    : "unknown(" + cause + ": " + detail + ")";
        }
    }
}
