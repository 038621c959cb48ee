package dev.ballast.k8s;

import dev.ballast.core.model.TargetRef;
import org.slf4j.MDC;

/**
 * The {@code target} entry ({@code namespace/name}) that every log line about one MonoVertex
 * carries in the MDC, including the client library's own lines written meanwhile on the same
 * thread. The app's JSON log format writes it as {@code "mdc": {"target": ...}}.
 */
final class TargetLogs {

    static final String KEY = "target";

    private TargetLogs() {}

    /** Puts the target in the MDC until the returned handle is closed. */
    static MDC.MDCCloseable about(TargetRef target) {
        return MDC.putCloseable(KEY, target.key());
    }
}
