package dev.ballast.source.daemon;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.model.TargetRef;
import okhttp3.HttpUrl;

/**
 * Where a MonoVertex's daemon answers: a URL template with {@code {namespace}} and {@code {name}}
 * placeholders, to whose path {@code api/v1/metrics} is appended (a base of {@code
 * https://host:1234/x/y} gives {@code /x/y/api/v1/metrics}).
 */
final class DaemonUrlTemplate {

    /** Numaflow's daemon service address. */
    static final String DEFAULT = "https://{name}-mv-daemon-svc.{namespace}.svc:4327";

    private final String template;
    private final boolean https;

    private DaemonUrlTemplate(String template, boolean https) {
        this.template = template;
        this.https = https;
    }

    /**
     * Checks a template by expanding it with sample values.
     *
     * @param keyPath the config key, for error messages
     * @throws ConfigException if the template does not give an http or https URL, or has a
     *     placeholder other than {namespace} and {name}
     */
    static DaemonUrlTemplate parse(String keyPath, String template) {
        String leftover = template.replace("{namespace}", "").replace("{name}", "");
        if (leftover.contains("{") || leftover.contains("}")) {
            throw new ConfigException(
                    keyPath,
                    "'"
                            + template
                            + "' is not valid; only the placeholders {namespace} and {name} are"
                            + " allowed");
        }
        HttpUrl sample = HttpUrl.parse(expand(template, "namespace", "name"));
        if (sample == null) {
            throw new ConfigException(
                    keyPath,
                    "'"
                            + template
                            + "' is not valid; expected an http or https URL such as "
                            + DEFAULT);
        }
        if (sample.query() != null || sample.fragment() != null) {
            throw new ConfigException(
                    keyPath,
                    "'" + template + "' is not valid; the base URL takes no query or fragment");
        }
        return new DaemonUrlTemplate(template, sample.isHttps());
    }

    /** Whether the template gives https URLs. */
    boolean isHttps() {
        return https;
    }

    /** The daemon's base URL for {@code target}. */
    HttpUrl baseUrl(TargetRef target) {
        HttpUrl url = HttpUrl.parse(expand(template, target.namespace(), target.name()));
        if (url == null) {
            throw new IllegalArgumentException(
                    "URL template '" + template + "' gives no valid URL for " + target);
        }
        return url;
    }

    /** The metrics endpoint for {@code target}: the base URL's path plus {@code api/v1/metrics}. */
    HttpUrl metricsUrl(TargetRef target) {
        HttpUrl base = baseUrl(target);
        HttpUrl.Builder builder = base.newBuilder();
        // A base path ending in "/" has an empty last segment: replace it rather than keep it.
        int last = base.pathSize() - 1;
        if (last >= 0 && base.pathSegments().get(last).isEmpty()) {
            builder.removePathSegment(last);
        }
        return builder.addPathSegment("api").addPathSegment("v1").addPathSegment("metrics").build();
    }

    private static String expand(String template, String namespace, String name) {
        return template.replace("{namespace}", namespace).replace("{name}", name);
    }

    @Override
    public String toString() {
        return template;
    }
}
