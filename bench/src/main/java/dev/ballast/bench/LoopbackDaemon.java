package dev.ballast.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * An emulated Numaflow daemon for load runs: answers {@code GET /<namespace>/<name>/api/v1/metrics}
 * for any MonoVertex name with the daemon's JSON. Runs in its own process so that its work and
 * allocations are not counted against the client under test.
 *
 * <p>Usage: {@code LoopbackDaemon http|https [threads]}; prints {@code PORT <n> <description>} once
 * listening.
 */
public final class LoopbackDaemon {

    private LoopbackDaemon() {}

    public static void main(String[] args) throws IOException {
        boolean https = args.length > 0 && args[0].equals("https");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server;
        if (https) {
            HeldCertificate certificate =
                    new HeldCertificate.Builder()
                            .commonName("localhost")
                            .addSubjectAlternativeName("localhost")
                            .build();
            HandshakeCertificates tls =
                    new HandshakeCertificates.Builder().heldCertificate(certificate).build();
            HttpsServer s = HttpsServer.create(address, 1024);
            s.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
            server = s;
        } else {
            server = HttpServer.create(address, 1024);
        }
        server.createContext("/", LoopbackDaemon::answer);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
        System.out.println(
                "PORT "
                        + server.getAddress().getPort()
                        + " JDK HTTP server, "
                        + threads
                        + " threads");
        System.out.flush();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String name = nameOf(exchange.getRequestURI().getPath());
        if (name.startsWith("dead-")) {
            // A daemon that accepts the connection and never answers: the exchange is left open
            // without holding one of the server's threads, as a dead daemon holds none of ours.
            return;
        }
        byte[] body = body(name);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The MonoVertex name in a {@code /<namespace>/<name>/...} path. */
    static String nameOf(String path) {
        String[] segments = path.split("/");
        return segments.length > 2 ? segments[2] : "unknown";
    }

    /** The daemon's metrics JSON for {@code name}. */
    static byte[] body(String name) {
        return ("{\"metrics\":{\"monoVertex\":\""
                        + name
                        + "\",\"processingRates\":{\"default\":123.4,\"1m\":120.0,\"5m\":118.7,\"15m\":119.1},"
                        + "\"pendings\":{\"default\":\"340\",\"1m\":\"300\",\"5m\":\"320\",\"15m\":\"310\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
