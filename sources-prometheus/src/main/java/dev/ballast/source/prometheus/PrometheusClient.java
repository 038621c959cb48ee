package dev.ballast.source.prometheus;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.spi.MetricSourceException;
import dev.ballast.core.spi.MetricSourceException.Failure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;

/** Runs instant queries against {@code /api/v1/query}, asynchronously, with typed failures. */
final class PrometheusClient implements AutoCloseable {

    private static final Pattern PEM =
            Pattern.compile(
                    "-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

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
            X509TrustManager trustAll =
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    };
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new X509TrustManager[] {trustAll}, new SecureRandom());
                builder.sslSocketFactory(context.getSocketFactory(), trustAll)
                        .hostnameVerifier((host, session) -> true);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM offers no TLS context", e);
            }
        } else if (config.caFile().isPresent()) {
            HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder();
            Matcher m = PEM.matcher(read(config.caFile().get(), section + ".caFile"));
            int n = 0;
            while (m.find()) {
                trust.addTrustedCertificate(Certificates.decodeCertificatePem(m.group()));
                n++;
            }
            if (n == 0) {
                throw new ConfigException(
                        section + ".caFile",
                        "'" + config.caFile().get() + "' holds no PEM certificate");
            }
            HandshakeCertificates certificates = trust.build();
            builder.sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager());
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
        String detail =
                e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return new MetricSourceException(
                    Failure.TIMEOUT, "POST " + endpoint + " timed out (" + detail + ")", e);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return new MetricSourceException(
                    Failure.UNREACHABLE,
                    "POST " + endpoint + " could not connect (" + detail + ")",
                    e);
        }
        return new MetricSourceException(
                Failure.UNREACHABLE, "POST " + endpoint + " failed (" + detail + ")", e);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
