package dev.ballast.source.prometheus;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import dev.ballast.source.http.HttpFailures;
import dev.ballast.source.http.HttpTrust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Runs instant queries against {@code /api/v1/query}, asynchronously, with typed failures. */
final class PrometheusClient implements AutoCloseable {

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final Map<String, String> headers;
    private final QueryResponseParser parser = new QueryResponseParser();

    private PrometheusClient(OkHttpClient http, HttpUrl endpoint, Map<String, String> headers) {
        this.http = http;
        this.endpoint = endpoint;
        this.headers = headers;
    }

    /**
     * A client for {@code config}; reads token, password and CA files once.
     *
     * @throws ConfigException naming the file that cannot be used
     */
    static PrometheusClient create(PrometheusSourceConfig config, String section) {
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(config.maxConcurrentQueries());
        dispatcher.setMaxRequestsPerHost(config.maxConcurrentQueries());
        OkHttpClient.Builder builder =
                new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectTimeout(config.connectTimeout())
                        .readTimeout(config.timeout())
                        .callTimeout(config.timeout());
        if (config.insecureSkipVerify()) {
            HttpTrust.trustEverything(builder);
        } else if (config.caFile().isPresent()) {
            HttpTrust.trustOnly(builder, config.caFile().get(), section + ".caFile");
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>(config.headers());
        config.bearerTokenFile()
                .ifPresent(
                        f ->
                                headers.put(
                                        "Authorization",
                                        "Bearer " + read(f, section + ".bearerTokenFile").trim()));
        if (config.basicAuthUser().isPresent()) {
            String password =
                    read(config.basicAuthPasswordFile().get(), section + ".basicAuth.passwordFile")
                            .trim();
            headers.put("Authorization", Credentials.basic(config.basicAuthUser().get(), password));
        }
        HttpUrl endpoint =
                config.url()
                        .newBuilder()
                        .addPathSegment("api")
                        .addPathSegment("v1")
                        .addPathSegment("query")
                        .build();
        return new PrometheusClient(builder.build(), endpoint, Map.copyOf(headers));
    }

    private static String read(Path file, String keyPath) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(keyPath, "'" + file + "' cannot be read: " + e.getMessage());
        }
    }

    /** Where queries go, for circuit breakers and messages. */
    HttpUrl endpoint() {
        return endpoint;
    }

    /** Runs {@code promql}; fails with a {@link MetricSourceException}. */
    CompletableFuture<QueryResult> query(String promql) {
        CompletableFuture<QueryResult> result = new CompletableFuture<>();
        Request.Builder request =
                new Request.Builder()
                        .url(endpoint)
                        .post(new FormBody.Builder().add("query", promql).build());
        headers.forEach(request::header);
        Call call = http.newCall(request.build());
        call.enqueue(
                new Callback() {
                    @Override
                    public void onFailure(Call call, IOException e) {
                        result.completeExceptionally(failure(e));
                    }

                    @Override
                    public void onResponse(Call call, Response response) {
                        try (response) {
                            int code = response.code();
                            try {
                                result.complete(parser.parse(response.body().byteStream()));
                            } catch (QueryResponseParser.QueryException e) {
                                result.completeExceptionally(answerFailure(code, e));
                            }
                        } catch (IOException e) {
                            result.completeExceptionally(failure(e));
                        } catch (RuntimeException e) {
                            result.completeExceptionally(
                                    new MetricSourceException(
                                            Failure.MALFORMED, "POST " + endpoint + ": " + e, e));
                        }
                    }
                });
        result.whenComplete(
                (r, e) -> {
                    if (result.isCancelled()) {
                        call.cancel();
                    }
                });
        return result;
    }

    private MetricSourceException answerFailure(int code, QueryResponseParser.QueryException e) {
        String what = "POST " + endpoint + " answered HTTP " + code + ": " + e.getMessage();
        if (code == 429 || code >= 500) {
            return new MetricSourceException(Failure.SERVER_ERROR, what, e);
        }
        if (e.malformed && code == 200) {
            return new MetricSourceException(Failure.MALFORMED, what, e);
        }
        return new MetricSourceException(Failure.REJECTED, what, e);
    }

    private MetricSourceException failure(IOException e) {
        return HttpFailures.of("POST " + endpoint, e);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
