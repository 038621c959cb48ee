package dev.ballast.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ballast.sim.LiveWorld;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * An in-process Numaflow MonoVertex daemon over HTTPS, shaped like the real one: a self-signed
 * certificate made at start that names only {@code localhost}, and {@code GET
 * /<namespace>/<name>/api/v1/metrics} answered with the daemon's JSON from the simulated rater
 * (-2^63 for a rate not known yet, "-1" for pending not available, 503 while unreachable).
 */
final class SimulatedDaemonServer implements AutoCloseable {

    private final HttpsServer server;

    private SimulatedDaemonServer(HttpsServer server) {
        this.server = server;
    }

    static SimulatedDaemonServer start(LiveWorld world, String monoVertex) throws IOException {
        HeldCertificate certificate =
                new HeldCertificate.Builder()
                        .commonName("localhost")
                        .addSubjectAlternativeName("localhost")
                        .build();
        HandshakeCertificates tls =
                new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        HttpsServer server =
                HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
        server.createContext("/", exchange -> answer(exchange, world, monoVertex));
        server.setExecutor(
                Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "demo-daemon");
                            t.setDaemon(true);
                            return t;
                        }));
        server.start();
        return new SimulatedDaemonServer(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, LiveWorld world, String monoVertex)
            throws IOException {
        LiveWorld.DaemonAnswer answer = world.daemon();
        String body;
        int status;
        if (!answer.reachable()) {
            status = 503;
            body = "upstream connect error or disconnect/reset before headers";
        } else {
            status = 200;
            String rate =
                    answer.rate().isPresent()
                            ? String.format(Locale.ROOT, "%.3f", answer.rate().getAsDouble())
                            : "-9223372036854776000";
            body =
                    "{\"metrics\":{\"monoVertex\":\""
                            + monoVertex
                            + "\",\"processingRates\":{\"default\":"
                            + rate
                            + "},\"pendings\":{\"default\":\""
                            + answer.pending()
                            + "\",\"1m\":\""
                            + answer.pendingLastMinute()
                            + "\"}}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
