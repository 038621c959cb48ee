package dev.ballast.source.daemon;

import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import dev.ballast.source.http.HttpFailures;
import java.io.IOException;
import okhttp3.HttpUrl;

/** The daemon source's failures: those of any HTTP request, plus reads shed unsent. */
final class DaemonFailures {

    private DaemonFailures() {}

    /** A read that got no answer, or was never sent. */
    static MetricSourceException of(HttpUrl url, IOException e) {
        if (e instanceof QueueDeadline.Expired || e.getCause() instanceof QueueDeadline.Expired) {
            return new MetricSourceException(
                    Failure.OVERLOADED,
                    "GET "
                            + url
                            + " was not sent: every request slot (source.daemon"
                            + ".maxConcurrentRequests, maxRequestsPerHost) stayed busy for more"
                            + " than half its timeout",
                    e);
        }
        return HttpFailures.of("GET " + url, e);
    }

    /**
     * An answer with a status other than 200.
     *
     * @param bodyStart the first bytes of the body, for the message
     */
    static MetricSourceException of(HttpUrl url, int status, String bodyStart) {
        return HttpFailures.ofStatus("GET " + url, status, bodyStart);
    }
}
