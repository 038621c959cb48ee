package dev.ballast.source.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.model.TargetRef;
import org.junit.jupiter.api.Test;

class DaemonUrlTemplateTest {

    static final TargetRef ORDERS = TargetRef.monoVertex("prod", "orders");

    @Test
    void theDefaultIsNumaflowsDaemonService() {
        DaemonUrlTemplate t =
                DaemonUrlTemplate.parse("source.daemon.urlTemplate", DaemonUrlTemplate.DEFAULT);

        assertThat(t.isHttps()).isTrue();
        assertThat(t.metricsUrl(ORDERS).toString())
                .isEqualTo("https://orders-mv-daemon-svc.prod.svc:4327/api/v1/metrics");
        assertThat(t.baseUrl(ORDERS).toString())
                .isEqualTo("https://orders-mv-daemon-svc.prod.svc:4327/");
    }

    @Test
    void thePathIsAppendedToTheBasePath() {
        DaemonUrlTemplate t = DaemonUrlTemplate.parse("k", "https://host:1234/x/y");
        DaemonUrlTemplate slash = DaemonUrlTemplate.parse("k", "http://proxy/{namespace}/{name}/");

        assertThat(t.metricsUrl(ORDERS).encodedPath()).isEqualTo("/x/y/api/v1/metrics");
        assertThat(slash.metricsUrl(ORDERS).toString())
                .isEqualTo("http://proxy/prod/orders/api/v1/metrics");
        assertThat(slash.isHttps()).isFalse();
    }

    @Test
    void anUnknownPlaceholderIsRejected() {
        assertThatThrownBy(
                        () ->
                                DaemonUrlTemplate.parse(
                                        "source.daemon.urlTemplate", "https://{pipeline}.svc"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "source.daemon.urlTemplate: 'https://{pipeline}.svc' is not valid; only the"
                                + " placeholders {namespace} and {name} are allowed");
    }

    @Test
    void somethingThatIsNotAnHttpUrlIsRejected() {
        assertThatThrownBy(
                        () ->
                                DaemonUrlTemplate.parse(
                                        "source.daemon.urlTemplate", "grpc://{name}:4327"))
                .hasMessageStartingWith(
                        "source.daemon.urlTemplate: 'grpc://{name}:4327' is not valid; expected an"
                                + " http or https URL");
        assertThatThrownBy(() -> DaemonUrlTemplate.parse("k", "https://{name}/?a=b"))
                .hasMessageContaining("takes no query or fragment");
    }
}
