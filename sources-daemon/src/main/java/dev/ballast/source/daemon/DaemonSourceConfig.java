package dev.ballast.source.daemon;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ConfigView;
import dev.ballast.core.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon source's settings (config section {@code source.daemon}).
 *
 * @param urlTemplate where each MonoVertex's daemon answers
 * @param tls {@link Tls#INSECURE} or {@link Tls#VERIFY} (https only)
 * @param caFile the CA to trust with {@link Tls#VERIFY}; the system's CAs when empty
 * @param connectTimeout connect timeout
 * @param timeout whole-call timeout
 * @param bearerTokenFile a file holding a bearer token to send, for proxies
 * @param maxConcurrentRequests requests in flight across all daemons
 * @param maxRequestsPerHost requests in flight to one host
 * @param maxIdleConnections idle connections kept for reuse
 */
record DaemonSourceConfig(
        DaemonUrlTemplate urlTemplate,
        Tls tls,
        Optional<Path> caFile,
        Duration connectTimeout,
        Duration timeout,
        Optional<Path> bearerTokenFile,
        int maxConcurrentRequests,
        int maxRequestsPerHost,
        int maxIdleConnections) {

    /** How the daemon's certificate is checked. */
    enum Tls {
        /**
         * Trust any certificate and skip the host name check. Real daemons need this: their
         * self-signed certificate is made anew at each start and names only {@code localhost}.
         */
        INSECURE,
        /** Verify the certificate chain and host name, against the given CA or the system's. */
        VERIFY
    }

    static final ConfigOption<String> URL_TEMPLATE =
            ConfigOption.optional(
                    "urlTemplate",
                    ValueType.string(),
                    DaemonUrlTemplate.DEFAULT,
                    "Base URL of each MonoVertex's daemon; {namespace} and {name} are replaced."
                            + " The client appends /api/v1/metrics to its path.");
    static final ConfigOption<String> TLS =
            ConfigOption.optional(
                    "tls",
                    ValueType.oneOf(Set.of("insecure", "verify")),
                    "insecure",
                    "For https URLs: insecure trusts any certificate and skips the host name"
                            + " check (real daemons need it: their self-signed certificate names"
                            + " only localhost); verify checks the chain against caFile or the"
                            + " system's CAs.");
    static final ConfigOption<String> CA_FILE =
            ConfigOption.required(
                    "caFile", ValueType.string(), "PEM file of the CA to trust with tls: verify.");
    static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOption.optional(
                    "connectTimeout",
                    ValueType.duration(Duration.ofMillis(10), Duration.ofMinutes(1)),
                    Duration.ofSeconds(2),
                    "How long to wait for a connection to a daemon.");
    static final ConfigOption<Duration> TIMEOUT =
            ConfigOption.optional(
                    "timeout",
                    ValueType.duration(Duration.ofMillis(10), Duration.ofMinutes(5)),
                    Duration.ofSeconds(5),
                    "How long a whole read may take from when it is asked: waiting for a request"
                            + " slot, connecting and the answer. A read that waits for a slot"
                            + " for more than half of it is not sent (OVERLOADED).");
    static final ConfigOption<String> BEARER_TOKEN_FILE =
            ConfigOption.required(
                    "bearerTokenFile",
                    ValueType.string(),
                    "File holding a bearer token to send (for proxies); read again every minute.");
    static final ConfigOption<Integer> MAX_CONCURRENT_REQUESTS =
            ConfigOption.optional(
                    "maxConcurrentRequests",
                    ValueType.integer(1, 100_000),
                    256,
                    "Requests in flight across all daemons.");
    static final ConfigOption<Integer> MAX_REQUESTS_PER_HOST =
            ConfigOption.optional(
                    "maxRequestsPerHost",
                    ValueType.integer(1, 100_000),
                    5,
                    "Requests in flight to one host (raise it when one proxy serves every"
                            + " daemon).");
    static final ConfigOption<Integer> MAX_IDLE_CONNECTIONS =
            ConfigOption.optional(
                    "maxIdleConnections",
                    ValueType.integer(0, 100_000),
                    4096,
                    "Idle connections kept for reuse, about 14 KiB of heap each. Each daemon is"
                            + " its own host: below the number of daemons, reads pay a new TLS"
                            + " handshake.");

    /** Every option, for the configuration reference. */
    static final List<ConfigOption<?>> OPTIONS =
            List.of(
                    URL_TEMPLATE,
                    TLS,
                    CA_FILE,
                    CONNECT_TIMEOUT,
                    TIMEOUT,
                    BEARER_TOKEN_FILE,
                    MAX_CONCURRENT_REQUESTS,
                    MAX_REQUESTS_PER_HOST,
                    MAX_IDLE_CONNECTIONS);

    /**
     * Reads and checks the section.
     *
     * @throws ConfigException naming the key, the value and what is allowed
     */
    static DaemonSourceConfig from(ConfigView config) {
        DaemonUrlTemplate template =
                DaemonUrlTemplate.parse(config.pathOf(URL_TEMPLATE), config.get(URL_TEMPLATE));
        Tls tls = Tls.valueOf(config.get(TLS).toUpperCase(java.util.Locale.ROOT));
        Optional<Path> caFile = config.getOptional(CA_FILE).map(Path::of);
        if (caFile.isPresent() && tls == Tls.INSECURE) {
            throw new ConfigException(
                    config.pathOf(CA_FILE),
                    "'"
                            + caFile.get()
                            + "' is given but tls is insecure; set tls: verify to use it");
        }
        Duration connectTimeout = config.get(CONNECT_TIMEOUT);
        Duration timeout = config.get(TIMEOUT);
        if (connectTimeout.compareTo(timeout) > 0) {
            throw new ConfigException(
                    config.pathOf(CONNECT_TIMEOUT),
                    "'"
                            + connectTimeout.toMillis()
                            + "ms' is not valid; it must not exceed timeout ("
                            + timeout.toMillis()
                            + "ms)");
        }
        return new DaemonSourceConfig(
                template,
                tls,
                caFile,
                connectTimeout,
                timeout,
                config.getOptional(BEARER_TOKEN_FILE).map(Path::of),
                config.get(MAX_CONCURRENT_REQUESTS),
                config.get(MAX_REQUESTS_PER_HOST),
                config.get(MAX_IDLE_CONNECTIONS));
    }
}
