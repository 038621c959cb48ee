package dev.ballast.source.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A MockWebServer shaped like a Numaflow MonoVertex daemon: TLS with a self-signed certificate made
 * anew at each start that names only {@code localhost}, and h2 offered over ALPN, so a client that
 * does not insist on HTTP/1.1 would end up speaking h2 (which the real daemon hands to gRPC).
 */
public final class EmulatedDaemon implements AutoCloseable {

    public final HeldCertificate certificate;
    public final MockWebServer server = new MockWebServer();

    private EmulatedDaemon(HeldCertificate certificate) {
        this.certificate = certificate;
    }

    /** Starts on any free port. */
    public static EmulatedDaemon start() throws IOException {
        return startOn(0);
    }

    /** Starts on {@code port} (0 for any), with a fresh certificate as a restarted daemon has. */
    public static EmulatedDaemon startOn(int port) throws IOException {
        HeldCertificate certificate =
                new HeldCertificate.Builder()
                        .commonName("localhost")
                        .addSubjectAlternativeName("localhost")
                        .build();
        EmulatedDaemon daemon = new EmulatedDaemon(certificate);
        HandshakeCertificates serverCertificates =
                new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        daemon.server.useHttps(serverCertificates.sslSocketFactory());
        daemon.server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
        daemon.server.start(InetAddress.getByName("localhost"), port);
        return daemon;
    }

    public int port() {
        return server.getPort();
    }

    /** Answers the next request with {@code json} and status 200. */
    public EmulatedDaemon answer(String json) {
        server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(json)
                        .build());
        return this;
    }

    public EmulatedDaemon answer(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /**
     * Answers every request from now on with what {@code answers} gives for the MonoVertex named in
     * the path ({@code .../<name>/api/v1/metrics}); {@code null} cuts the connection, as a dead
     * daemon would.
     */
    public EmulatedDaemon answerEach(java.util.function.Function<String, String> answers) {
        server.setDispatcher(
                new mockwebserver3.Dispatcher() {
                    @Override
                    public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                        String[] parts = request.getUrl().encodedPath().split("/");
                        String name = parts.length >= 4 ? parts[parts.length - 4] : "";
                        String body = answers.apply(name);
                        if (body == null) {
                            return new MockResponse.Builder()
                                    .onRequestStart(
                                            new mockwebserver3.SocketEffect.CloseSocket(
                                                    true, false, false))
                                    .build();
                        }
                        return new MockResponse.Builder()
                                .addHeader("Content-Type", "application/json")
                                .body(body)
                                .build();
                    }
                });
        return this;
    }

    /** The daemon's JSON for known values. */
    public static String metrics(String monoVertex, double rate, long pending) {
        return "{\"metrics\":{\"monoVertex\":\""
                + monoVertex
                + "\",\"processingRates\":{\"default\":"
                + rate
                + ",\"1m\":"
                + rate
                + "},\"pendings\":{\"default\":\""
                + pending
                + "\",\"1m\":\""
                + pending
                + "\"}}}";
    }

    /** The daemon's JSON right after a restart: no rate yet (-2^63), pending 0. */
    public static String rateNotYetKnown(String monoVertex) {
        return "{\"metrics\":{\"monoVertex\":\""
                + monoVertex
                + "\",\"processingRates\":{\"default\":-9223372036854776000,\"1m\":-9223372036854776000},"
                + "\"pendings\":{\"default\":\"0\",\"1m\":\"0\"}}}";
    }

    @Override
    public void close() {
        server.close();
    }
}
