package dev.ballast.core.policy;

import java.util.Locale;

/** What a decision does to the replica count. */
public enum Action {
    /** Leave the replica count as it is. */
    NONE,
    /** Add replicas. */
    UP,
    /** Remove replicas. */
    DOWN;

    /** The lower-case name used in the decision log: {@code none}, {@code up}, {@code down}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
