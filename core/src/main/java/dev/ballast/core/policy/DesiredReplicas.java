package dev.ballast.core.policy;

/**
 * Numaflow's MonoVertex formula for the replica count a backlog needs, reproduced exactly,
 * including its rounding, saturation and caps.
 */
public final class DesiredReplicas {

    private DesiredReplicas() {}

    /**
     * The replicas needed to work off {@code pending} messages within {@code
     * targetProcessingSeconds} at the current {@code rate} per {@code readyReplicas}.
     *
     * <ul>
     *   <li>pending 0 and rate exactly 0: 0, the only path to zero;
     *   <li>rate 0 with pending: {@code current} (hold: something is wrong);
     *   <li>otherwise {@code round(pending / rate / targetProcessingSeconds * readyReplicas)},
     *       saturating at {@link Integer#MAX_VALUE}, at least 1, and at most {@code pending}.
     * </ul>
     *
     * @param rate known processing rate, messages per second, non-negative
     * @param pending known pending messages, non-negative
     * @param targetProcessingSeconds at least 1
     * @param readyReplicas ready replicas
     * @param current current replicas
     */
    public static int compute(
            double rate,
            long pending,
            int targetProcessingSeconds,
            int readyReplicas,
            int current) {
        if (pending == 0 && rate == 0.0) {
            return 0;
        }
        if (rate == 0.0) {
            return current;
        }
        double raw = ((double) pending / rate) / targetProcessingSeconds * readyReplicas;
        // Math.round saturates at Long.MAX_VALUE and rounds halves up, which for non-negative
        // values is Go's math.Round (halves away from zero).
        long rounded = Math.round(raw);
        int desired = rounded > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) rounded;
        if (desired == 0) {
            desired = 1;
        }
        if (pending > 0 && desired > pending) {
            desired = (int) pending;
        }
        return desired;
    }

    /**
     * A pending reading as the whole number the formula takes: rounded up, so that a fractional
     * average (from Prometheus) never reads as an exact 0. Integer values from the daemon are
     * unchanged.
     */
    public static long pendingCount(double pending) {
        return (long) Math.ceil(pending);
    }
}
