package dev.ballast.app.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One HTTP server for {@code /metrics} (Prometheus simpleclient), {@code /healthz} (the process is
 * alive) and {@code /readyz} (config loaded, discovery synced, loop running).
 */
public final class HealthServer implements Closeable {

    private final HTTPServer server;

    /**
     * @param notReady empty when ready, else why not (for the {@code /readyz} body)
     */
    public HealthServer(int port, CollectorRegistry registry, Supplier<Optional<String>> notReady)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(port), 16);
        http.createContext("/healthz", exchange -> answer(exchange, 200, "ok"));
        http.createContext(
                "/readyz",
                exchange -> {
                    Optional<String> why = notReady.get();
                    answer(exchange, why.isEmpty() ? 200 : 503, why.orElse("ready"));
                });
        this.server =
                new HTTPServer.Builder()
                        .withHttpServer(http)
                        .withRegistry(registry)
                        .withDaemonThreads(true)
                        .build();
    }

    /** The port it listens on (useful with port 0). */
    public int port() {
        return server.getPort();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
