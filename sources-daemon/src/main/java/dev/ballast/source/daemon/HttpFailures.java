package dev.ballast.source.daemon;

import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;

/** Turns HTTP failures into typed {@link MetricSourceException}s naming the URL. */
final class HttpFailures {

    private HttpFailures() {}

    /** A call that got no answer. */
    static MetricSourceException of(HttpUrl url, IOException e) {
        String detail =
                e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
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
        if (e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return new MetricSourceException(
                    Failure.TIMEOUT, "GET " + url + " timed out (" + detail + ")", e);
        }
        if (e instanceof ConnectException
                || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException) {
            return new MetricSourceException(
                    Failure.UNREACHABLE, "GET " + url + " could not connect (" + detail + ")", e);
        }
        if (e instanceof javax.net.ssl.SSLException
                && String.valueOf(e.getMessage()).contains("Unrecognized SSL message")) {
            return new MetricSourceException(
                    Failure.REJECTED,
                    "GET "
                            + url
                            + " reached a server that does not speak TLS; use an http URL"
                            + " ("
                            + detail
                            + ")",
                    e);
        }
        if (e instanceof SSLPeerUnverifiedException || isCertificateRejection(e)) {
            return new MetricSourceException(
                    Failure.REJECTED,
                    "GET " + url + " failed TLS verification (" + detail + ")",
                    e);
        }
        return new MetricSourceException(
                Failure.UNREACHABLE, "GET " + url + " failed (" + detail + ")", e);
    }

    /** A handshake that failed on the certificate, as opposed to a connection cut short. */
    private static boolean isCertificateRejection(IOException e) {
        if (!(e instanceof SSLHandshakeException)) {
            return false;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    /**
     * An answer with a status other than 200: 429 and 5xx may pass, anything else will not.
     *
     * @param bodyStart the first bytes of the body, for the message
     */
    static MetricSourceException of(HttpUrl url, int status, String bodyStart) {
        Failure failure = status == 429 || status >= 500 ? Failure.SERVER_ERROR : Failure.REJECTED;
        return new MetricSourceException(
                failure,
                "GET "
                        + url
                        + " answered HTTP "
                        + status
                        + (bodyStart.isEmpty() ? "" : ": " + bodyStart));
    }
}
