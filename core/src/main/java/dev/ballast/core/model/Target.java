package dev.ballast.core.model;

import java.util.Objects;

/**
 * A target as discovery reports it: which object, and how it may be scaled.
 *
 * @param ref the object
 * @param scale its scale parameters
 * @param limits the read limits the rate-limit guard needs
 */
public record Target(TargetRef ref, ScaleSpec scale, ReadLimits limits) {

    public Target {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(limits, "limits");
    }

    /** A target with default read limits. */
    public static Target of(TargetRef ref, ScaleSpec scale) {
        return new Target(ref, scale, ReadLimits.DEFAULT);
    }
}
