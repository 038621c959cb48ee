package dev.ballast.core.model;

import java.util.OptionalLong;

/**
 * The parts of a Numaflow object's {@code spec.limits} that the scaling policy reads.
 *
 * @param readBatchSize messages read per batch ({@code spec.limits.readBatchSize}, default 500)
 * @param rateLimitMax the optional {@code spec.limits.rateLimit.max}: read calls per second
 */
public record ReadLimits(long readBatchSize, OptionalLong rateLimitMax) {

    /** Numaflow's default {@code readBatchSize}. */
    public static final long DEFAULT_READ_BATCH_SIZE = 500;

    /** The limits of an object that sets none. */
    public static final ReadLimits DEFAULT =
            new ReadLimits(DEFAULT_READ_BATCH_SIZE, OptionalLong.empty());

    public ReadLimits {
        if (readBatchSize < 1) {
            throw new InvalidSpecException(
                    "limits.readBatchSize=" + readBatchSize + " must be at least 1");
        }
        if (rateLimitMax == null) {
            rateLimitMax = OptionalLong.empty();
        }
        if (rateLimitMax.isPresent() && rateLimitMax.getAsLong() < 0) {
            throw new InvalidSpecException(
                    "limits.rateLimit.max=" + rateLimitMax.getAsLong() + " must not be negative");
        }
    }

    /**
     * The highest processing rate the rate limit allows ({@code rateLimit.max * readBatchSize}), if
     * a rate limit is set.
     */
    public OptionalLong maxMessagesPerSecond() {
        return rateLimitMax.isPresent()
                ? OptionalLong.of(saturatedMultiply(rateLimitMax.getAsLong(), readBatchSize))
                : OptionalLong.empty();
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }
}
