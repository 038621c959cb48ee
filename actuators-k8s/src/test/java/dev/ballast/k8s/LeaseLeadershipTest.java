package dev.ballast.k8s;

import static dev.ballast.k8s.MonoVertices.monoVertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.model.TargetRef;
import dev.ballast.core.spi.ActuationException;
import dev.ballast.core.testing.TestingClock;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two Ballast instances contending for the Lease on fabric8's mock server. */
@EnableKubernetesMockClient(crud = true)
class LeaseLeadershipTest {

    static final TargetRef ORDERS = TargetRef.monoVertex("prod", "orders");

    KubernetesMockServer server;
    KubernetesClient mockClient;

    KubernetesClient clientA;
    KubernetesClient clientB;
    LeaseLeadership a;
    LeaseLeadership b;

    static LeaseLeadership.Settings settings(String identity) {
        return new LeaseLeadership.Settings(
                "ballast-system",
                "ballast",
                identity,
                Duration.ofSeconds(2),
                Duration.ofMillis(1500),
                Duration.ofMillis(200));
    }

    @BeforeEach
    void start() {
        clientA = KubernetesSessions.client(mockClient.getConfiguration());
        clientB = KubernetesSessions.client(mockClient.getConfiguration());
    }

    @AfterEach
    void stop() {
        for (LeaseLeadership l : new LeaseLeadership[] {a, b}) {
            if (l != null) {
                l.close();
            }
        }
        clientA.close();
        clientB.close();
    }

    KubernetesActuator actuator(KubernetesClient client, LeaseLeadership leadership) {
        return new KubernetesActuator(
                client,
                new MonoVertexCache(client, Duration.ZERO),
                leadership,
                null,
                new KubernetesActuator.Settings(
                        1, Duration.ZERO, Duration.ofSeconds(10), false, Duration.ofMinutes(5)),
                TestingClock.atDefaultStart(),
                () -> {});
    }

    @Test
    void onlyTheLeaderChangesReplicasAndTheFollowerTakesOver() throws Exception {
        mockClient
                .genericKubernetesResources(MonoVertexResource.CONTEXT)
                .inNamespace("prod")
                .resource(monoVertex("prod", "orders", 2).managed().build())
                .create();
        a = new LeaseLeadership(clientA, settings("ballast-a"));
        a.start();
        await().atMost(10, TimeUnit.SECONDS).until(a::isLeading);
        b = new LeaseLeadership(clientB, settings("ballast-b"));
        b.start();
        KubernetesActuator leader = actuator(clientA, a);
        KubernetesActuator follower = actuator(clientB, b);
        await().atMost(10, TimeUnit.SECONDS).until(() -> "ballast-a".equals(b.leader()));

        assertThat(leader.isActive()).isTrue();
        assertThat(follower.isActive()).isFalse();
        int before = server.getRequestCount();
        assertThatThrownBy(() -> follower.setReplicas(ORDERS, 9))
                .isInstanceOfSatisfying(
                        ActuationException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(ActuationException.Failure.NOT_ACTIVE));
        leader.setReplicas(ORDERS, 3);
        Lease lease = mockClient.leases().inNamespace("ballast-system").withName("ballast").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("ballast-a");

        a.close(); // the leader shuts down and releases the Lease
        await().atMost(10, TimeUnit.SECONDS).until(b::isLeading);

        assertThat(a.isLeading()).isFalse();
        assertThat(follower.isActive()).isTrue();
        follower.setReplicas(ORDERS, 4);
        assertThat(
                        (Integer)
                                mockClient
                                        .genericKubernetesResources(MonoVertexResource.CONTEXT)
                                        .inNamespace("prod")
                                        .withName("orders")
                                        .get()
                                        .get("spec", "replicas"))
                .isEqualTo(4);
        assertThat(server.getRequestCount()).isGreaterThan(before);
    }

    @Test
    void aLeaderThatLosesTheLeaseStopsActing() {
        a = new LeaseLeadership(clientA, settings("ballast-a"));
        a.start();
        await().atMost(10, TimeUnit.SECONDS).until(a::isLeading);

        // Another holder appears in the Lease (as after a partition): the leader must step down.
        mockClient
                .leases()
                .inNamespace("ballast-system")
                .withName("ballast")
                .edit(
                        l ->
                                new LeaseBuilder(l)
                                        .editSpec()
                                        .withHolderIdentity("intruder")
                                        .withRenewTime(ZonedDateTime.now())
                                        .withAcquireTime(ZonedDateTime.now())
                                        .endSpec()
                                        .build());

        await().atMost(10, TimeUnit.SECONDS).until(() -> !a.isLeading());
        assertThat(actuator(clientA, a).isActive()).isFalse();

        // The intruder never renews: once its Lease expires, the old leader campaigns again and
        // wins.
        await().atMost(20, TimeUnit.SECONDS).until(a::isLeading);
        assertThat(
                        mockClient
                                .leases()
                                .inNamespace("ballast-system")
                                .withName("ballast")
                                .get()
                                .getSpec()
                                .getHolderIdentity())
                .isEqualTo("ballast-a");
    }
}
