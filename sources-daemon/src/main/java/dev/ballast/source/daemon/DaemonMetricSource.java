package dev.ballast.source.daemon;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads a MonoVertex's rate and pending from its Numaflow daemon: {@code GET <base>/api/v1/metrics}
 * over HTTP/1.1, one shared dispatcher for all targets and their connections in pools by host
 * ({@link ShardedClients}). The {@code default} window gives the scaling signals; {@code 1m},
 * {@code 5m} and {@code 15m} are reported alongside.
 *
 * <p>A failed call completes exceptionally with a {@link MetricSourceException}: {@link
 * Failure#UNREACHABLE} (refused, reset), {@link Failure#TIMEOUT}, {@link Failure#SERVER_ERROR}
 * (429, 5xx), {@link Failure#REJECTED} (other statuses, an answer for another MonoVertex, a failed
 * TLS handshake), {@link Failure#MALFORMED} or {@link Failure#OVERLOADED} (not sent: it waited for
 * a request slot for more than half its timeout). Nothing unchecked escapes.
 */
public final class DaemonMetricSource implements MetricSource {

    /** Larger answers are refused: the daemon's is a few hundred bytes. */
    static final long MAX_BODY_BYTES = 1 << 20;

    private static final int ERROR_BODY_BYTES = 200;

    private final ShardedClients clients;
    private final DaemonUrlTemplate urls;
    private final TokenFile token;
    private final Clock clock;
    private final DaemonResponseParser parser = new DaemonResponseParser();

    DaemonMetricSource(
            ShardedClients clients, DaemonUrlTemplate urls, TokenFile token, Clock clock) {
        this.clients = clients;
        this.urls = urls;
        this.token = token;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Readings> read(Target target) {
        CompletableFuture<Readings> result = new CompletableFuture<>();
        HttpUrl url;
        try {
            url = urls.metricsUrl(target.ref());
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(
                    new MetricSourceException(Failure.REJECTED, e.getMessage(), e));
            return result;
        }
        Request built;
        try {
            Request.Builder request =
                    new Request.Builder().url(url).get().header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token.token());
            }
            built = request.build();
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(
                    new MetricSourceException(
                            Failure.REJECTED,
                            "GET " + url + " cannot be sent: " + e.getMessage(),
                            e));
            return result;
        }
        Call call = clients.forUrl(url).newCall(built);
        QueueDeadline.startNow(call); // time queued for a request slot counts too
        call.enqueue(new ResponseHandler(target, url, result));
        result.whenComplete(
                (readings, error) -> {
                    if (result.isCancelled()) {
                        call.cancel();
                    }
                });
        return result;
    }

    @Override
    public String endpoint(Target target) {
        return urls.baseUrl(target.ref()).toString();
    }

    @Override
    public void close() {
        clients.shutdown();
    }

    private final class ResponseHandler implements Callback {
        private final Target target;
        private final HttpUrl url;
        private final CompletableFuture<Readings> result;

        ResponseHandler(Target target, HttpUrl url, CompletableFuture<Readings> result) {
            this.target = target;
            this.url = url;
            this.result = result;
        }

        @Override
        public void onFailure(Call call, IOException e) {
            result.completeExceptionally(DaemonFailures.of(url, e));
        }

        @Override
        public void onResponse(Call call, Response response) {
            try (response) {
                result.complete(readings(response));
            } catch (MetricSourceException e) {
                result.completeExceptionally(e);
            } catch (IOException e) {
                result.completeExceptionally(DaemonFailures.of(url, e));
            } catch (RuntimeException e) {
                result.completeExceptionally(
                        new MetricSourceException(
                                Failure.MALFORMED, "GET " + url + " could not be read: " + e, e));
            }
        }

        private Readings readings(Response response) throws IOException, MetricSourceException {
            ResponseBody body = response.body();
            if (response.code() != 200) {
                throw DaemonFailures.of(url, response.code(), start(body));
            }
            BufferedSource source = body.source();
            if (source.request(MAX_BODY_BYTES + 1)) {
                throw new MetricSourceException(
                        Failure.MALFORMED,
                        "GET " + url + " answered more than " + MAX_BODY_BYTES + " bytes");
            }
            DaemonResponseParser.ParsedMetrics parsed;
            try {
                parsed = parser.parse(source.inputStream(), clock.instant());
            } catch (DaemonResponseParser.MalformedResponseException e) {
                throw new MetricSourceException(
                        Failure.MALFORMED,
                        "GET " + url + " answered malformed JSON: " + e.getMessage(),
                        e);
            }
            String expected = target.ref().name();
            if (parsed.monoVertex != null && !parsed.monoVertex.equals(expected)) {
                throw new MetricSourceException(
                        Failure.REJECTED,
                        "GET "
                                + url
                                + " answered for MonoVertex '"
                                + parsed.monoVertex
                                + "', expected '"
                                + expected
                                + "' (check source.daemon.urlTemplate)");
            }
            return parsed.readings();
        }

        private String start(ResponseBody body) {
            try {
                return readStart(body);
            } catch (IOException e) {
                return "(body unreadable: " + e.getMessage() + ")";
            }
        }

        private String readStart(ResponseBody body) throws IOException {
            BufferedSource source = body.source();
            source.request(ERROR_BODY_BYTES);
            long n = Math.min(ERROR_BODY_BYTES, source.getBuffer().size());
            String text = source.getBuffer().readString(n, StandardCharsets.UTF_8);
            return text.replaceAll("\\s+", " ").trim();
        }
    }
}
