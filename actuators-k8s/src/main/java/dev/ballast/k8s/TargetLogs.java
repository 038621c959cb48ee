package dev.ballast.k8s;

import dev.ballast.core.model.TargetRef;
import org.slf4j.MDC;

/**
 * The {@code target} entry ({@code namespace/name}) that every log line about one MonoVertex
 * carries in the MDC, on the thread doing that work. The app's JSON log format writes it as {@code
 * "mdc": {"target": ...}}.
 */
final class TargetLogs implements AutoCloseable {

    static final String KEY = "target";

    private final String previous;

    private TargetLogs(String previous) {
        this.previous = previous;
    }

    /** Puts the target in the MDC until the returned scope is closed. */
    static TargetLogs about(TargetRef target) {
        TargetLogs scope = new TargetLogs(MDC.get(KEY));
        MDC.put(KEY, target.key());
        return scope;
    }

    /** Puts back what the MDC held before, so that scopes can nest. */
    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
