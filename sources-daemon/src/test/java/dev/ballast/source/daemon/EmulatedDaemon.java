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
final class EmulatedDaemon implements AutoCloseable {

    final HeldCertificate certificate;
    final MockWebServer server = new MockWebServer();

    private EmulatedDaemon(HeldCertificate certificate) {
        this.certificate = certificate;
    }

    /** Starts on any free port. */
    static EmulatedDaemon start() throws IOException {
        return startOn(0);
    }

    /** Starts on {@code port} (0 for any), with a fresh certificate as a restarted daemon has. */
    static EmulatedDaemon startOn(int port) throws IOException {
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

    int port() {
        return server.getPort();
    }

    /** Answers the next request with {@code json} and status 200. */
    EmulatedDaemon answer(String json) {
        server.enqueue(
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(json)
                        .build());
        return this;
    }

    EmulatedDaemon answer(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /** The daemon's JSON for known values. */
    static String metrics(String monoVertex, double rate, long pending) {
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
    static String rateNotYetKnown(String monoVertex) {
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
