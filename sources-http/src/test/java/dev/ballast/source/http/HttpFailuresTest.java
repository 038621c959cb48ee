package dev.ballast.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** What a request that got no usable answer becomes. */
class HttpFailuresTest {

    static final String REQUEST = "GET https://orders-mv-daemon-svc.prod.svc:4327/api/v1/metrics";

    @Test
    void timeoutsAreTimeoutsWhicheverWayOkHttpReportsThem() {
        assertThat(HttpFailures.of(REQUEST, new SocketTimeoutException("Read timed out")))
                .satisfies(e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT))
                .hasMessage(REQUEST + " timed out (SocketTimeoutException: Read timed out)");
        // A call timeout is an InterruptedIOException("timeout").
        assertThat(HttpFailures.of(REQUEST, new InterruptedIOException("timeout")).failure())
                .isEqualTo(Failure.TIMEOUT);
    }

    @Test
    void noConnectionIsUnreachable() {
        for (IOException e :
                new IOException[] {
                    new ConnectException("Connection refused"),
                    new UnknownHostException("orders-mv-daemon-svc.prod.svc"),
                    new java.net.NoRouteToHostException()
                }) {
            MetricSourceException failure = HttpFailures.of(REQUEST, e);
            assertThat(failure.failure()).as(e.toString()).isEqualTo(Failure.UNREACHABLE);
            assertThat(failure).hasMessageStartingWith(REQUEST + " could not connect (");
        }
        assertThat(HttpFailures.of(REQUEST, new IOException("unexpected end of stream")))
                .satisfies(e -> assertThat(e.failure()).isEqualTo(Failure.UNREACHABLE))
                .hasMessage(REQUEST + " failed (IOException: unexpected end of stream)");
    }

    @Test
    void httpsToAPlainHttpServerIsRejectedWithTheFix() throws Exception {
        // As Go's net/http on a plain port answers a TLS handshake.
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread answer =
                    new Thread(
                            () -> {
                                try (Socket s = plain.accept()) {
                                    s.getInputStream().read(new byte[512]);
                                    s.getOutputStream()
                                            .write(
                                                    ("HTTP/1.0 400 Bad Request\r\n\r\nClient"
                                                                    + " sent an HTTP request to an"
                                                                    + " HTTPS server.\n")
                                                            .getBytes(StandardCharsets.US_ASCII));
                                } catch (IOException e) {
                                    // the client gave up first: its failure is what is checked
                                }
                            });
            answer.start();

            MetricSourceException failure =
                    failureOf("https://localhost:" + plain.getLocalPort() + "/");

            assertThat(failure.failure()).as(failure.getMessage()).isEqualTo(Failure.REJECTED);
            assertThat(failure).hasMessageContaining("does not speak TLS; use an http URL");
            answer.join();
        }
    }

    @Test
    void aRealRefusedConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MetricSourceException failure = failureOf("http://127.0.0.1:" + port + "/");

        assertThat(failure.failure()).isEqualTo(Failure.UNREACHABLE);
        assertThat(failure.failure().isTransient()).isTrue();
    }

    @Test
    void statusesOtherThanSuccessSayWhetherTheyMayPass() {
        assertThat(HttpFailures.ofStatus(REQUEST, 503, "").failure())
                .isEqualTo(Failure.SERVER_ERROR);
        assertThat(HttpFailures.ofStatus(REQUEST, 429, "").failure())
                .isEqualTo(Failure.SERVER_ERROR);
        assertThat(HttpFailures.ofStatus(REQUEST, 404, "404 page not found"))
                .satisfies(e -> assertThat(e.failure()).isEqualTo(Failure.REJECTED))
                .hasMessage(REQUEST + " answered HTTP 404: 404 page not found");
        assertThat(HttpFailures.ofStatus(REQUEST, 302, ""))
                .hasMessage(REQUEST + " answered HTTP 302");
    }

    static MetricSourceException failureOf(String url) {
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            throw new AssertionError("answered " + response.code());
        } catch (IOException e) {
            return HttpFailures.of("GET " + url, e);
        }
    }
}
