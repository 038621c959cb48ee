package dev.ballast.source.prometheus;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.ConfigOption;
import dev.ballast.core.config.ConfigView;
import dev.ballast.core.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/** The Prometheus source's settings (config section {@code source.prometheus}). */
record PrometheusSourceConfig(
        HttpUrl url,
        Duration timeout,
        Duration connectTimeout,
        Optional<Path> bearerTokenFile,
        Optional<String> basicAuthUser,
        Optional<Path> basicAuthPasswordFile,
        Optional<Path> caFile,
        boolean insecureSkipVerify,
        Map<String, String> headers,
        boolean batch,
        PromQl rateQuery,
        PromQl pendingQuery,
        PromQl freshnessQuery,
        PromQl batchRateQuery,
        PromQl batchPendingQuery,
        PromQl batchFreshnessQuery,
        String namespaceLabel,
        String nameLabel,
        Duration staleAfter,
        int maxConcurrentQueries) {

    static final String RATE =
            "sum(rate(monovtx_read_total{namespace=\"{namespace}\",mvtx_name=\"{name}\"}[{lookback}s]))";
    static final String PENDING =
            pending(
                    "monovtx_pending_raw{namespace=\"{namespace}\",mvtx_name=\"{name}\",mvtx_replica=\"0\"}");
    static final String FRESHNESS =
            "max(timestamp(monovtx_read_total{namespace=\"{namespace}\",mvtx_name=\"{name}\"}))";
    static final String BATCH_RATE =
            "sum by (namespace, mvtx_name) (rate(monovtx_read_total[{lookback}s]))";
    static final String BATCH_PENDING = pending("monovtx_pending_raw{mvtx_replica=\"0\"}");
    static final String BATCH_FRESHNESS =
            "max by (namespace, mvtx_name) (timestamp(monovtx_read_total))";

    /**
     * Pending per target: the average of the gauge over the lookback, but only while every sample
     * in it is known and the gauge is still reported.
     *
     * <ul>
     *   <li>Any negative sample in the window (the source writes -1 while it cannot tell) gives the
     *       window's minimum, read as unknown. Averaged with real values, a -1 would read as a
     *       smaller backlog, or as exactly 0 (1 and -1), and so as a reason to scale down.
     *   <li>A gauge no longer reported (replica 0 gone or not scraped: Prometheus marks its series
     *       stale) gives no answer, read as unknown. {@code avg_over_time} would go on answering
     *       from the old samples for the whole lookback.
     *   <li>Several series for one target (a scrape job twice, say): the highest average, and
     *       unknown if any holds a -1.
     * </ul>
     */
    private static String pending(String selector) {
        String window = selector + "[{lookback}s]";
        String target = "(namespace, mvtx_name)";
        // "or" keeps the left side's series and adds the right side's only for targets the left
        // lacks; "and" binds tighter than "or".
        return "min by "
                + target
                + " (min_over_time("
                + window
                + ")) < 0 or (max by "
                + target
                + " (avg_over_time("
                + window
                + ")) and on "
                + target
                + " "
                + selector
                + ")";
    }

    static final ConfigOption<String> URL =
            ConfigOption.required(
                    "url",
                    ValueType.string(),
                    "Base URL of the Prometheus server, for example http://prometheus:9090.");
    static final ConfigOption<Duration> TIMEOUT =
            ConfigOption.optional(
                    "timeout",
                    ValueType.duration(Duration.ofMillis(10), Duration.ofMinutes(5)),
                    Duration.ofSeconds(5),
                    "How long one query may take.");
    static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOption.optional(
                    "connectTimeout",
                    ValueType.duration(Duration.ofMillis(10), Duration.ofMinutes(1)),
                    Duration.ofSeconds(2),
                    "Connect timeout.");
    static final ConfigOption<String> BEARER_TOKEN_FILE =
            ConfigOption.required(
                    "bearerTokenFile", ValueType.string(), "File holding a bearer token to send.");
    static final ConfigOption<String> BASIC_USER =
            ConfigOption.required(
                    "username", ValueType.string(), "Basic auth user (basicAuth.username).");
    static final ConfigOption<String> BASIC_PASSWORD_FILE =
            ConfigOption.required(
                    "passwordFile",
                    ValueType.string(),
                    "File holding the basic auth password (basicAuth.passwordFile).");
    static final ConfigOption<String> CA_FILE =
            ConfigOption.required(
                    "caFile", ValueType.string(), "PEM file of the CA to trust for https.");
    static final ConfigOption<Boolean> INSECURE =
            ConfigOption.optional(
                    "insecureSkipVerify",
                    ValueType.bool(),
                    false,
                    "Trust any certificate and skip the host name check (only when asked for).");
    static final ConfigOption<Boolean> BATCH =
            ConfigOption.optional(
                    "batch",
                    ValueType.bool(),
                    true,
                    "One query per signal per interval for all targets, instead of one per"
                            + " target.");
    static final ConfigOption<String> RATE_QUERY =
            ConfigOption.optional(
                    "rateQuery",
                    ValueType.string(),
                    RATE,
                    "Per-target rate query; {namespace}, {name}, {lookback}.");
    static final ConfigOption<String> PENDING_QUERY =
            ConfigOption.optional(
                    "pendingQuery",
                    ValueType.string(),
                    PENDING,
                    "Per-target pending query; {namespace}, {name}, {lookback}.");
    static final ConfigOption<String> FRESHNESS_QUERY =
            ConfigOption.optional(
                    "freshnessQuery",
                    ValueType.string(),
                    FRESHNESS,
                    "Per-target time of the newest sample (seconds); older than staleAfter reads as"
                            + " stale.");
    static final ConfigOption<String> BATCH_RATE_QUERY =
            ConfigOption.optional(
                    "batchRateQuery",
                    ValueType.string(),
                    BATCH_RATE,
                    "Batch rate query, one series per target; {lookback}.");
    static final ConfigOption<String> BATCH_PENDING_QUERY =
            ConfigOption.optional(
                    "batchPendingQuery",
                    ValueType.string(),
                    BATCH_PENDING,
                    "Batch pending query, one series per target; {lookback}.");
    static final ConfigOption<String> BATCH_FRESHNESS_QUERY =
            ConfigOption.optional(
                    "batchFreshnessQuery",
                    ValueType.string(),
                    BATCH_FRESHNESS,
                    "Batch time of each target's newest sample.");
    static final ConfigOption<String> NAMESPACE_LABEL =
            ConfigOption.optional(
                    "namespaceLabel",
                    ValueType.string(),
                    "namespace",
                    "Label holding the namespace in batch answers.");
    static final ConfigOption<String> NAME_LABEL =
            ConfigOption.optional(
                    "nameLabel",
                    ValueType.string(),
                    "mvtx_name",
                    "Label holding the MonoVertex name in batch answers.");
    static final ConfigOption<Duration> STALE_AFTER =
            ConfigOption.optional(
                    "staleAfter",
                    ValueType.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
                    Duration.ofMinutes(2),
                    "Signals whose newest sample is older than this read as unknown (STALE).");

    static final ConfigOption<Integer> MAX_CONCURRENT_QUERIES =
            ConfigOption.optional(
                    "maxConcurrentQueries",
                    ValueType.integer(1, 1024),
                    16,
                    "Queries in flight to the server at once (per-target mode sends three per"
                            + " target).");

    static final List<ConfigOption<?>> OPTIONS =
            List.of(
                    URL,
                    TIMEOUT,
                    CONNECT_TIMEOUT,
                    BEARER_TOKEN_FILE,
                    CA_FILE,
                    INSECURE,
                    BATCH,
                    RATE_QUERY,
                    PENDING_QUERY,
                    FRESHNESS_QUERY,
                    BATCH_RATE_QUERY,
                    BATCH_PENDING_QUERY,
                    BATCH_FRESHNESS_QUERY,
                    NAMESPACE_LABEL,
                    NAME_LABEL,
                    STALE_AFTER,
                    MAX_CONCURRENT_QUERIES);

    static PrometheusSourceConfig from(ConfigView config) {
        String base = config.get(URL);
        HttpUrl url = HttpUrl.parse(base);
        if (url == null) {
            throw new ConfigException(
                    config.pathOf(URL),
                    "'" + base + "' is not valid; expected an http or https URL");
        }
        ConfigView basic = config.section("basicAuth");
        Optional<String> user = basic.getOptional(BASIC_USER);
        Optional<Path> password = basic.getOptional(BASIC_PASSWORD_FILE).map(Path::of);
        if (user.isPresent() != password.isPresent()) {
            throw new ConfigException(
                    basic.path(),
                    "basic auth needs both username and passwordFile, got only "
                            + (user.isPresent() ? "username" : "passwordFile"));
        }
        Optional<Path> caFile = config.getOptional(CA_FILE).map(Path::of);
        boolean insecure = config.get(INSECURE);
        if (insecure && caFile.isPresent()) {
            throw new ConfigException(
                    config.pathOf(INSECURE),
                    "'true' is not valid together with caFile; choose one");
        }
        ConfigView headerSection = config.section("headers");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : headerSection.keys()) {
            headers.put(
                    name,
                    headerSection.get(
                            ConfigOption.required(
                                    name, ValueType.string(), "Header " + name + ".")));
        }
        return new PrometheusSourceConfig(
                url,
                config.get(TIMEOUT),
                config.get(CONNECT_TIMEOUT),
                config.getOptional(BEARER_TOKEN_FILE).map(Path::of),
                user,
                password,
                caFile,
                insecure,
                headers,
                config.get(BATCH),
                PromQl.parse(
                        config.pathOf(RATE_QUERY),
                        config.get(RATE_QUERY),
                        "namespace",
                        "name",
                        "lookback"),
                PromQl.parse(
                        config.pathOf(PENDING_QUERY),
                        config.get(PENDING_QUERY),
                        "namespace",
                        "name",
                        "lookback"),
                PromQl.parse(
                        config.pathOf(FRESHNESS_QUERY),
                        config.get(FRESHNESS_QUERY),
                        "namespace",
                        "name",
                        "lookback"),
                PromQl.parse(
                        config.pathOf(BATCH_RATE_QUERY), config.get(BATCH_RATE_QUERY), "lookback"),
                PromQl.parse(
                        config.pathOf(BATCH_PENDING_QUERY),
                        config.get(BATCH_PENDING_QUERY),
                        "lookback"),
                PromQl.parse(
                        config.pathOf(BATCH_FRESHNESS_QUERY),
                        config.get(BATCH_FRESHNESS_QUERY),
                        "lookback"),
                config.get(NAMESPACE_LABEL),
                config.get(NAME_LABEL),
                config.get(STALE_AFTER),
                config.get(MAX_CONCURRENT_QUERIES));
    }
}
