package dev.ballast.source.daemon;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the OkHttp client that all daemon requests share (its pools: {@link ShardedClients}). */
final class DaemonHttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonHttpClients.class);
    private static final Pattern PEM_CERTIFICATE =
            Pattern.compile(
                    "-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

    private DaemonHttpClients() {}

    /**
     * A client for {@code config}: HTTP/1.1 only (the daemon's port hands anything else to gRPC),
     * the configured timeouts, limits and TLS mode.
     *
     * @throws ConfigException if the CA file cannot be read
     */
    static OkHttpClient create(DaemonSourceConfig config, ConfigView section) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(config.maxConcurrentRequests());
        dispatcher.setMaxRequestsPerHost(config.maxRequestsPerHost());
        OkHttpClient.Builder builder =
                new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectionPool(
                                new ConnectionPool(
                                        config.maxIdleConnections(), 5, TimeUnit.MINUTES))
                        .protocols(List.of(Protocol.HTTP_1_1))
                        .connectTimeout(config.connectTimeout())
                        .readTimeout(config.timeout())
                        .callTimeout(config.timeout())
                        .addInterceptor(new QueueDeadline())
                        .followRedirects(false);
        if (config.urlTemplate().isHttps()) {
            if (config.tls() == DaemonSourceConfig.Tls.INSECURE) {
                trustEverything(builder);
                LOG.warn(
                        "TLS certificates of the Numaflow daemons are not verified ({}:"
                                + " insecure): their self-signed certificates name only"
                                + " localhost. Set tls: verify with caFile to verify them.",
                        section.pathOf(DaemonSourceConfig.TLS));
            } else if (config.caFile().isPresent()) {
                HandshakeCertificates certificates =
                        trustOnly(
                                config.caFile().get(), section.pathOf(DaemonSourceConfig.CA_FILE));
                builder.sslSocketFactory(
                        certificates.sslSocketFactory(), certificates.trustManager());
            }
        }
        return builder.build();
    }

    private static void trustEverything(OkHttpClient.Builder builder) {
        X509TrustManager trustAll = new TrustAllManager();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new X509TrustManager[] {trustAll}, new SecureRandom());
            builder.sslSocketFactory(context.getSocketFactory(), trustAll)
                    .hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS context", e);
        }
    }

    private static HandshakeCertificates trustOnly(Path caFile, String keyPath) {
        String pem;
        try {
            pem = Files.readString(caFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigException(keyPath, "'" + caFile + "' cannot be read: " + e);
        }
        HandshakeCertificates.Builder trust = new HandshakeCertificates.Builder();
        Matcher m = PEM_CERTIFICATE.matcher(pem);
        int count = 0;
        while (m.find()) {
            try {
                trust.addTrustedCertificate(Certificates.decodeCertificatePem(m.group()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        keyPath,
                        "'"
                                + caFile
                                + "' holds a certificate that cannot be read: "
                                + e.getMessage());
            }
            count++;
        }
        if (count == 0) {
            throw new ConfigException(
                    keyPath, "'" + caFile + "' holds no PEM certificate (BEGIN CERTIFICATE)");
        }
        return trust.build();
    }

    /** Trusts any certificate: for daemons whose certificate cannot be verified. */
    private static final class TrustAllManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
