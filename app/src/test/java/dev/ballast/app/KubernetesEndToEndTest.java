package dev.ballast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.source.daemon.EmulatedDaemon;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app with the kubernetes discovery and actuator against fabric8's mock API server (CRUD), and
 * an emulated daemon: an opted-in MonoVertex with a backlog is patched up, with an event.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesEndToEndTest {

    static final ResourceDefinitionContext MONOVERTICES =
            new ResourceDefinitionContext.Builder()
                    .withGroup("numaflow.numaproj.io")
                    .withVersion("v1alpha1")
                    .withKind("MonoVertex")
                    .withPlural("monovertices")
                    .withNamespaced(true)
                    .build();

    KubernetesClient mockClient;
    @TempDir Path dir;
    EmulatedDaemon daemon;
    RunningBallast ballast;

    @AfterEach
    void stop() {
        if (ballast != null) {
            ballast.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    static GenericKubernetesResource monoVertex(String name, boolean optedIn) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("numaflow.numaproj.io/v1alpha1")
                .withKind("MonoVertex")
                .withNewMetadata()
                .withNamespace("prod")
                .withName(name)
                .withAnnotations(optedIn ? Map.of("ballast.dev/managed", "true") : Map.of())
                .endMetadata()
                .withAdditionalProperties(
                        Map.of(
                                "spec",
                                Map.of(
                                        "replicas",
                                        2,
                                        "scale",
                                        Map.of(
                                                "disabled",
                                                true,
                                                "min",
                                                1,
                                                "max",
                                                10,
                                                "scaleUpCooldownSeconds",
                                                0)),
                                "status",
                                Map.of(
                                        "phase",
                                        "Running",
                                        "replicas",
                                        2,
                                        "readyReplicas",
                                        2,
                                        "lastScaledAt",
                                        "2026-01-01T00:00:00Z")))
                .build();
    }

    @Test
    void scalesAnOptedInMonoVertexAndLeavesTheOthersAlone() throws Exception {
        mockClient
                .genericKubernetesResources(MONOVERTICES)
                .inNamespace("prod")
                .resource(monoVertex("orders", true))
                .create();
        mockClient
                .genericKubernetesResources(MONOVERTICES)
                .inNamespace("prod")
                .resource(monoVertex("other", false))
                .create();
        daemon =
                EmulatedDaemon.start()
                        .answerEach(name -> EmulatedDaemon.metrics(name, 10, 100_000));
        Path kubeconfig =
                Files.writeString(
                        dir.resolve("kubeconfig"),
                        String.join(
                                "\n",
                                "apiVersion: v1",
                                "kind: Config",
                                "clusters: [{name: mock, cluster: {server: \""
                                        + mockClient.getConfiguration().getMasterUrl()
                                        + "\", insecure-skip-tls-verify: true}}]",
                                "contexts: [{name: mock, context: {cluster: mock, user: mock,"
                                        + " namespace: ballast-system}}]",
                                "current-context: mock",
                                "users: [{name: mock, user: {token: secret}}]",
                                ""));
        String yaml =
                String.join(
                        "\n",
                        "interval: 1s",
                        "server: {port: 0}",
                        "source:",
                        "  type: daemon",
                        "  daemon: {urlTemplate: \"https://localhost:"
                                + daemon.port()
                                + "/{namespace}/{name}\"}",
                        "discovery:",
                        "  type: kubernetes",
                        "  kubernetes: {kubeconfig: \"" + kubeconfig + "\", namespaces: [prod]}",
                        "actuator:",
                        "  type: kubernetes",
                        "  kubernetes:",
                        "    kubeconfig: \"" + kubeconfig + "\"",
                        "    leaderElection: {leaseDuration: 3s, renewDeadline: 2s, retryPeriod:"
                                + " 500ms}",
                        "");

        ballast = RunningBallast.start(yaml, dir);

        await().atMost(20, TimeUnit.SECONDS)
                .until(
                        () ->
                                ((Integer)
                                                mockClient
                                                        .genericKubernetesResources(MONOVERTICES)
                                                        .inNamespace("prod")
                                                        .withName("orders")
                                                        .get()
                                                        .get("spec", "replicas"))
                                        == 4);
        assertThat(
                        (Integer)
                                mockClient
                                        .genericKubernetesResources(MONOVERTICES)
                                        .inNamespace("prod")
                                        .withName("other")
                                        .get()
                                        .get("spec", "replicas"))
                .isEqualTo(2);
        assertThat(ballast.decisionsOf("prod/other")).isEmpty();
        await().atMost(10, TimeUnit.SECONDS)
                .until(
                        () ->
                                !mockClient
                                        .v1()
                                        .events()
                                        .inNamespace("prod")
                                        .list()
                                        .getItems()
                                        .isEmpty());
        List<Event> events = mockClient.v1().events().inNamespace("prod").list().getItems();
        assertThat(events.get(0).getReason()).isEqualTo("ScaleUp");
        assertThat(events.get(0).getInvolvedObject().getName()).isEqualTo("orders");
        // The status never follows (no reconciler here): Ballast waits for the change in flight.
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> ballast.reasonsOf("prod/orders").contains("REPLICAS_IN_FLIGHT"));
    }
}
