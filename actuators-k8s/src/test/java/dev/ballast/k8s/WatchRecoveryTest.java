package dev.ballast.k8s;

import static dev.ballast.k8s.MonoVertices.monoVertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.model.TargetRef;
import dev.ballast.core.testing.TestingClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An API server that goes away breaks the watch: until the informer has listed and watches again,
 * the target's status reads as unknown, so it is held.
 */
class WatchRecoveryTest {

    static final TargetRef ORDERS = TargetRef.monoVertex("prod", "orders");

    KubernetesMockServer first;
    KubernetesMockServer second;
    KubernetesClient client;
    MonoVertexCache cache;

    static KubernetesMockServer server(int port) throws Exception {
        HashMap<
                        io.fabric8.mockwebserver.ServerRequest,
                        java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>
                responses = new HashMap<>();
        KubernetesMockServer server =
                new KubernetesMockServer(
                        new Context(),
                        new MockWebServer(),
                        responses,
                        new KubernetesMixedDispatcher(responses),
                        false);
        server.init(InetAddress.getLoopbackAddress(), port);
        return server;
    }

    @AfterEach
    void stop() {
        if (cache != null) {
            cache.close();
        }
        if (client != null) {
            client.close();
        }
        if (second != null) {
            second.destroy();
        }
    }

    @Test
    void statusIsUnknownWhileTheWatchIsBrokenAndKnownAgainAfter() throws Exception {
        first = server(0);
        int port = first.getPort();
        try (KubernetesClient admin = first.createClient()) {
            admin.genericKubernetesResources(MonoVertexResource.CONTEXT)
                    .inNamespace("prod")
                    .resource(monoVertex("prod", "orders", 2).managed().build())
                    .create();
            client = KubernetesSessions.client(admin.getConfiguration());
        }
        cache = new MonoVertexCache(client, Duration.ZERO);
        KubernetesActuator actuator =
                new KubernetesActuator(
                        client,
                        cache,
                        null,
                        null,
                        new KubernetesActuator.Settings(
                                1,
                                Duration.ZERO,
                                Duration.ofSeconds(10),
                                false,
                                Duration.ofMinutes(5)),
                        TestingClock.atDefaultStart(),
                        () -> {});
        await().atMost(10, TimeUnit.SECONDS).until(() -> actuator.status(ORDERS).isPresent());

        first.destroy(); // the API server goes away; the watch breaks

        await().atMost(20, TimeUnit.SECONDS).until(() -> actuator.status(ORDERS).isEmpty());

        second = server(port); // back, where the object has been scaled meanwhile
        try (KubernetesClient admin = second.createClient()) {
            admin.genericKubernetesResources(MonoVertexResource.CONTEXT)
                    .inNamespace("prod")
                    .resource(monoVertex("prod", "orders", 5).managed().build())
                    .create();
        }

        await().atMost(60, TimeUnit.SECONDS)
                .until(() -> actuator.status(ORDERS).map(s -> s.replicas() == 5).orElse(false));
        assertThat(cache.isSynced()).isTrue();
    }
}
