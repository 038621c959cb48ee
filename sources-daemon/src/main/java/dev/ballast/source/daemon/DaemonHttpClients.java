package dev.ballast.source.daemon;

import dev.ballast.core.config.ConfigView;
import dev.ballast.source.http.HttpTrust;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the OkHttp client that all daemon requests share (its pools: {@link ShardedClients}). */
final class DaemonHttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonHttpClients.class);

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
                HttpTrust.trustEverything(builder);
                LOG.warn(
                        "TLS certificates of the Numaflow daemons are not verified ({}:"
                                + " insecure): their self-signed certificates name only"
                                + " localhost. Set tls: verify with caFile to verify them.",
                        section.pathOf(DaemonSourceConfig.TLS));
            } else if (config.caFile().isPresent()) {
                HttpTrust.trustOnly(
                        builder, config.caFile().get(), section.pathOf(DaemonSourceConfig.CA_FILE));
            }
        }
        return builder.build();
    }
}
