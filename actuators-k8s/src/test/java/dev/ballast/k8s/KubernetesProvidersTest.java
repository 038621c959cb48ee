package dev.ballast.k8s;

import static dev.ballast.k8s.MonoVertices.monoVertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.config.ConfigException;
import dev.ballast.core.config.MapConfigView;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.spi.Actuator;
import dev.ballast.core.spi.ActuatorProvider;
import dev.ballast.core.spi.ProviderContext;
import dev.ballast.core.spi.TargetDiscovery;
import dev.ballast.core.spi.TargetDiscoveryProvider;
import dev.ballast.core.testing.TestingClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The providers as the app finds them, configured with a kubeconfig pointing at the mock server.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesProvidersTest {

    KubernetesClient mockClient;

    @TempDir Path dir;
    Path kubeconfig;
    final TestingClock clock = TestingClock.atDefaultStart();

    @BeforeEach
    void writeKubeconfig() throws Exception {
        kubeconfig =
                Files.writeString(
                        dir.resolve("kubeconfig"),
                        String.join(
                                "\n",
                                "apiVersion: v1",
                                "kind: Config",
                                "clusters:",
                                "- name: mock",
                                "  cluster:",
                                "    server: " + mockClient.getConfiguration().getMasterUrl(),
                                "    insecure-skip-tls-verify: true",
                                "contexts:",
                                "- name: mock",
                                "  context:",
                                "    cluster: mock",
                                "    user: mock",
                                "    namespace: ballast-system",
                                "current-context: mock",
                                "users:",
                                "- name: mock",
                                "  user:",
                                "    token: secret",
                                ""));
    }

    static <P> P provider(Class<P> type) {
        return ServiceLoader.load(type).stream()
                .map(ServiceLoader.Provider::get)
                .filter(
                        p ->
                                (p instanceof TargetDiscoveryProvider
                                                && ((TargetDiscoveryProvider) p)
                                                        .name()
                                                        .equals("kubernetes"))
                                        || (p instanceof ActuatorProvider
                                                && ((ActuatorProvider) p)
                                                        .name()
                                                        .equals("kubernetes")))
                .findFirst()
                .orElseThrow();
    }

    ProviderContext context(String section, Map<String, Object> settings, boolean dryRun) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putIfAbsent("kubeconfig", kubeconfig.toString());
        MapConfigView root = MapConfigView.root(Map.of(section, Map.of("kubernetes", all)));
        return ProviderContext.of(root.section(section).section("kubernetes"), clock, dryRun);
    }

    @Test
    void discoveryAndActuatorShareOneSessionAndWork() throws Exception {
        mockClient
                .genericKubernetesResources(MonoVertexResource.CONTEXT)
                .inNamespace("prod")
                .resource(monoVertex("prod", "orders", 2).managed().build())
                .create();
        TargetDiscovery discovery =
                provider(TargetDiscoveryProvider.class)
                        .create(context("discovery", Map.of("namespaces", List.of("prod")), false));
        Actuator actuator =
                provider(ActuatorProvider.class)
                        .create(
                                context(
                                        "actuator",
                                        Map.of(
                                                "leaderElection",
                                                Map.of(
                                                        "leaseDuration",
                                                        "3s",
                                                        "renewDeadline",
                                                        "2s",
                                                        "retryPeriod",
                                                        "500ms")),
                                        false));
        try {
            discovery.start();
            actuator.start();
            await().atMost(10, TimeUnit.SECONDS).until(() -> discovery.targets().size() == 1);
            TargetRef orders = discovery.targets().get(0).ref();
            await().atMost(10, TimeUnit.SECONDS).until(() -> actuator.status(orders).isPresent());
            await().atMost(10, TimeUnit.SECONDS).until(actuator::isActive);

            actuator.setReplicas(orders, 3);

            assertThat(
                            (Integer)
                                    mockClient
                                            .genericKubernetesResources(MonoVertexResource.CONTEXT)
                                            .inNamespace("prod")
                                            .withName("orders")
                                            .get()
                                            .get("spec", "replicas"))
                    .isEqualTo(3);
            assertThat(mockClient.leases().inNamespace("ballast-system").withName("ballast").get())
                    .as("the Lease lives in the kubeconfig's namespace by default")
                    .isNotNull();
        } finally {
            actuator.close();
            discovery.close();
        }
    }

    @Test
    void dryRunNeedsNoLease() {
        Actuator actuator =
                provider(ActuatorProvider.class).create(context("actuator", Map.of(), true));
        try {
            assertThat(actuator.isActive()).isTrue();
            assertThat(mockClient.leases().inAnyNamespace().list().getItems()).isEmpty();
        } finally {
            actuator.close();
        }
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(
                        () ->
                                provider(ActuatorProvider.class)
                                        .create(
                                                context(
                                                        "actuator",
                                                        Map.of(
                                                                "leaderElection",
                                                                Map.of(
                                                                        "leaseDuration",
                                                                        "5s",
                                                                        "renewDeadline",
                                                                        "5s")),
                                                        false)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "actuator.kubernetes.leaderElection.renewDeadline: '5000ms' is not valid;"
                                + " it must be below leaseDuration (5000ms), so that a leader stops"
                                + " before another can take over");
        assertThatThrownBy(
                        () ->
                                provider(TargetDiscoveryProvider.class)
                                        .create(
                                                context(
                                                        "discovery",
                                                        Map.of(
                                                                "kubeconfig",
                                                                dir.resolve("missing").toString()),
                                                        false)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "discovery.kubernetes.kubeconfig: '"
                                + dir.resolve("missing")
                                + "' cannot be used");
    }
}
