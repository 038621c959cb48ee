package dev.ballast.source.http;

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
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns HTTP failures into typed {@link MetricSourceException}s naming the request. */
public final class HttpFailures {

    private HttpFailures() {}

    /**
     * A request that got no answer.
     *
     * @param request the method and URL, such as {@code GET https://...}
     */
    public static MetricSourceException of(String request, IOException e) {
        String detail =
                e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return new MetricSourceException(
                    Failure.TIMEOUT, request + " timed out (" + detail + ")", e);
        }
        if (e instanceof ConnectException
                || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException) {
            return new MetricSourceException(
                    Failure.UNREACHABLE, request + " could not connect (" + detail + ")", e);
        }
        // The JDK says "Unsupported or unrecognized SSL message" when the server answers the
        // handshake with plain HTTP, as a Go server on an http port does.
        if (e instanceof SSLException
                && String.valueOf(e.getMessage())
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("unrecognized ssl message")) {
            return new MetricSourceException(
                    Failure.REJECTED,
                    request
                            + " reached a server that does not speak TLS; use an http URL ("
                            + detail
                            + ")",
                    e);
        }
        if (e instanceof SSLPeerUnverifiedException || isCertificateRejection(e)) {
            return new MetricSourceException(
                    Failure.REJECTED, request + " failed TLS verification (" + detail + ")", e);
        }
        return new MetricSourceException(
                Failure.UNREACHABLE, request + " failed (" + detail + ")", e);
    }

    /**
     * An answer with a status that is not a success: 429 and 5xx may pass, anything else will not.
     *
     * @param detail what the answer said, or empty
     */
    public static MetricSourceException ofStatus(String request, int status, String detail) {
        Failure failure = status == 429 || status >= 500 ? Failure.SERVER_ERROR : Failure.REJECTED;
        return new MetricSourceException(
                failure,
                request + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail));
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
}
