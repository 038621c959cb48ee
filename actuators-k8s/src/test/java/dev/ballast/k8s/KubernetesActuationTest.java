package dev.ballast.k8s;

import static dev.ballast.k8s.MonoVertices.monoVertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.loop.Evaluation;
import dev.ballast.core.loop.Outcome;
import dev.ballast.core.model.Phase;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.policy.Decision;
import dev.ballast.core.policy.DefaultScalingPolicy;
import dev.ballast.core.policy.TargetHistory;
import dev.ballast.core.spi.ActuationException;
import dev.ballast.core.testing.TestingClock;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery and actuation against fabric8's Kubernetes mock server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesActuationTest {

    static final TargetRef ORDERS = TargetRef.monoVertex("prod", "orders");

    KubernetesMockServer server;
    KubernetesClient mockClient;

    final TestingClock clock = TestingClock.atDefaultStart();
    KubernetesClient client;
    MonoVertexCache cache;

    @BeforeEach
    void connect() {
        client = KubernetesSessions.client(mockClient.getConfiguration());
        cache = new MonoVertexCache(client, Duration.ZERO);
    }

    @AfterEach
    void disconnect() {
        cache.close();
        client.close();
    }

    GenericKubernetesResource create(GenericKubernetesResource mv) {
        return client.genericKubernetesResources(MonoVertexResource.CONTEXT)
                .inNamespace(mv.getMetadata().getNamespace())
                .resource(mv)
                .create();
    }

    GenericKubernetesResource get(TargetRef ref) {
        return client.genericKubernetesResources(MonoVertexResource.CONTEXT)
                .inNamespace(ref.namespace())
                .withName(ref.name())
                .get();
    }

    KubernetesActuator actuator(int attempts, EventRecorder events) {
        return new KubernetesActuator(
                client,
                cache,
                null,
                events,
                new KubernetesActuator.Settings(
                        attempts,
                        Duration.ofMillis(10),
                        Duration.ofSeconds(10),
                        events != null,
                        Duration.ofMinutes(5)),
                clock,
                () -> {});
    }

    KubernetesTargetDiscovery discovery(List<MonoVertexCache.Scope> scopes, List<String> invalid) {
        return new KubernetesTargetDiscovery(
                cache,
                scopes,
                (mv, problem) -> invalid.add(mv.getMetadata().getName() + ": " + problem),
                () -> {});
    }

    @Test
    void usesFabric8sOkHttpTransport() {
        assertThat(client.getHttpClient().getClass().getName())
                .isEqualTo("io.fabric8.kubernetes.client.okhttp.OkHttpClientImpl");
    }

    @Test
    void discoversOnlyOptedInObjectsAndLeavesBadOnesAlone() {
        create(
                monoVertex("prod", "orders", 2)
                        .managed()
                        .annotation("ballast.dev/max", "7")
                        .build());
        create(monoVertex("prod", "not-opted-in", 2).scale("disabled", true).build());
        create(
                monoVertex("prod", "numaflow-scaled", 2)
                        .annotation("ballast.dev/managed", "true")
                        .build());
        create(
                monoVertex("prod", "bad", 2)
                        .managed()
                        .annotation("ballast.dev/min", "lots")
                        .build());
        create(monoVertex("staging", "elsewhere", 2).managed().build());
        List<String> invalid = new java.util.concurrent.CopyOnWriteArrayList<>();
        KubernetesTargetDiscovery discovery =
                discovery(List.of(new MonoVertexCache.Scope("prod", null)), invalid);

        try (CapturedLogs logs = new CapturedLogs(KubernetesTargetDiscovery.class)) {
            discovery.start();
            await().atMost(10, TimeUnit.SECONDS).until(discovery::isSynced);
            await().atMost(10, TimeUnit.SECONDS).until(() -> discovery.targets().size() == 1);

            Target orders = discovery.targets().get(0);
            assertThat(orders.ref()).isEqualTo(ORDERS);
            assertThat(orders.scale().max()).isEqualTo(7);
            assertThat(invalid)
                    .containsExactly(
                            "bad: annotation ballast.dev/min='lots' is not a whole number");
            discovery.targets();
            assertThat(invalid).as("reported once per object version").hasSize(1);
            assertThat(logs.targetsOf("is left alone")).containsExactly("prod/bad");
        }
    }

    @Test
    void readsStatusFromTheCacheAndHoldsUntilSynced() {
        create(monoVertex("prod", "orders", 3).managed().status("readyReplicas", 2).build());
        KubernetesActuator actuator = actuator(1, null);

        assertThat(actuator.status(ORDERS)).as("not watched yet: unknown").isEmpty();
        await().atMost(10, TimeUnit.SECONDS).until(() -> actuator.status(ORDERS).isPresent());

        TargetStatus status = actuator.status(ORDERS).orElseThrow();
        assertThat(status.replicas()).isEqualTo(3);
        assertThat(status.readyReplicas()).isEqualTo(2);
        assertThat(status.phase()).isEqualTo(Phase.RUNNING);
        assertThat(status.lastScaledAt()).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void setsReplicasWithAJsonMergePatch() throws Exception {
        GenericKubernetesResource mv = create(monoVertex("prod", "orders", 2).managed().build());
        String path = "/apis/numaflow.numaproj.io/v1alpha1/namespaces/prod/monovertices/orders";
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.expect()
                .patch()
                .withPath(path)
                .andReply(
                        200,
                        request -> {
                            seen.add(request.getHeader("Content-Type"));
                            seen.add(request.getUtf8Body());
                            return mv;
                        })
                .once();
        KubernetesActuator actuator = actuator(1, null);

        try (CapturedLogs logs = new CapturedLogs(KubernetesActuator.class)) {
            actuator.setReplicas(ORDERS, 4);
            assertThat(logs.targetsOf("spec.replicas set to 4")).containsExactly("prod/orders");
            assertThat(org.slf4j.MDC.get(TargetLogs.KEY)).as("removed after the call").isNull();
        }
        assertThat(seen.get(0)).startsWith("application/merge-patch+json");
        assertThat(seen.get(1)).isEqualTo("{\"spec\":{\"replicas\":4}}");

        actuator.setReplicas(ORDERS, 4); // this time the CRUD server applies it
        assertThat((Integer) get(ORDERS).get("spec", "replicas")).isEqualTo(4);
        assertThat((Object) get(ORDERS).get("spec", "scale", "disabled")).isEqualTo(true);
        assertThat((Object) get(ORDERS).get("status", "replicas")).isEqualTo(2);
    }

    @Test
    void anObjectDeletedMidEvaluationEndsQuietly() {
        create(monoVertex("prod", "orders", 2).managed().build());
        KubernetesActuator actuator = actuator(3, null);
        client.genericKubernetesResources(MonoVertexResource.CONTEXT)
                .inNamespace("prod")
                .withName("orders")
                .delete();

        assertThatThrownBy(() -> actuator.setReplicas(ORDERS, 4))
                .isInstanceOfSatisfying(
                        ActuationException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(ActuationException.Failure.TARGET_GONE));
    }

    @Test
    void serverErrorsAreRetriedWithinTheBudgetThenReported() throws Exception {
        create(monoVertex("prod", "orders", 2).managed().build());
        String path = "/apis/numaflow.numaproj.io/v1alpha1/namespaces/prod/monovertices/orders";
        server.expect().patch().withPath(path).andReturn(500, "etcd timeout").times(2);
        KubernetesActuator actuator = actuator(3, null);

        actuator.setReplicas(ORDERS, 5);

        assertThat((Integer) get(ORDERS).get("spec", "replicas")).isEqualTo(5);

        int before = server.getRequestCount();
        server.expect().patch().withPath(path).andReturn(503, "unavailable").times(3);
        assertThatThrownBy(() -> actuator.setReplicas(ORDERS, 6))
                .isInstanceOfSatisfying(
                        ActuationException.class,
                        e -> {
                            assertThat(e.failure())
                                    .isEqualTo(ActuationException.Failure.UNAVAILABLE);
                            assertThat(e)
                                    .hasMessageContaining("HTTP 503")
                                    .hasMessageContaining("after 3 attempts");
                        });
        List<String> methods = new java.util.ArrayList<>();
        for (int i = 0; i < server.getRequestCount(); i++) {
            methods.add(server.takeRequest(1, TimeUnit.SECONDS).getMethod());
        }
        assertThat(methods.subList(before, methods.size()))
                .containsExactly("PATCH", "PATCH", "PATCH");
        assertThat((Integer) get(ORDERS).get("spec", "replicas")).isEqualTo(5);
    }

    @Test
    void aConflictingEditIsRetriedThenReported() throws Exception {
        create(monoVertex("prod", "orders", 2).managed().build());
        String path = "/apis/numaflow.numaproj.io/v1alpha1/namespaces/prod/monovertices/orders";
        server.expect()
                .patch()
                .withPath(path)
                .andReturn(409, "the object has been modified")
                .once();
        KubernetesActuator actuator = actuator(3, null);

        actuator.setReplicas(ORDERS, 4);
        assertThat((Integer) get(ORDERS).get("spec", "replicas")).isEqualTo(4);

        server.expect()
                .patch()
                .withPath(path)
                .andReturn(409, "the object has been modified")
                .times(3);
        assertThatThrownBy(() -> actuator.setReplicas(ORDERS, 5))
                .isInstanceOfSatisfying(
                        ActuationException.class,
                        e ->
                                assertThat(e.failure())
                                        .isEqualTo(ActuationException.Failure.CONFLICT));
        assertThat((Integer) get(ORDERS).get("spec", "replicas")).isEqualTo(4);
    }

    @Test
    void recordsANormalEventPerChangeDeduplicated() throws Exception {
        create(monoVertex("prod", "orders", 2).managed().build());
        EventRecorder events = new EventRecorder(client, clock, "ballast-0");
        KubernetesActuator actuator = actuator(1, events);
        await().atMost(10, TimeUnit.SECONDS).until(() -> actuator.status(ORDERS).isPresent());
        Evaluation applied = applied(actuator.status(ORDERS).orElseThrow());

        actuator.onEvaluation(applied);
        actuator.onEvaluation(applied);
        events.flush();

        List<Event> recorded = client.v1().events().inNamespace("prod").list().getItems();
        assertThat(recorded).hasSize(1);
        Event e = recorded.get(0);
        assertThat(e.getType()).isEqualTo("Normal");
        assertThat(e.getReason()).isEqualTo("ScaleUp");
        assertThat(e.getMessage()).endsWith(": 2 -> 4");
        assertThat(e.getCount()).isEqualTo(2);
        assertThat(e.getInvolvedObject().getKind()).isEqualTo("MonoVertex");
        assertThat(e.getInvolvedObject().getName()).isEqualTo("orders");
        events.close();
    }

    @Test
    void warnsWhenATargetIsHeldOnUnknownSignalsForLong() throws Exception {
        create(monoVertex("prod", "orders", 2).managed().build());
        EventRecorder events = new EventRecorder(client, clock, "ballast-0");
        KubernetesActuator actuator = actuator(1, events);
        await().atMost(10, TimeUnit.SECONDS).until(() -> actuator.status(ORDERS).isPresent());
        TargetStatus status = actuator.status(ORDERS).orElseThrow();

        actuator.onEvaluation(held(status));
        clock.advance(Duration.ofMinutes(4));
        actuator.onEvaluation(held(status));
        events.flush();
        assertThat(client.v1().events().inNamespace("prod").list().getItems()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        actuator.onEvaluation(held(status));
        events.flush();

        List<Event> recorded = client.v1().events().inNamespace("prod").list().getItems();
        assertThat(recorded)
                .extracting(Event::getType, Event::getReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Warning", "HeldOnUnknownSignals"));
        events.close();
    }

    private Evaluation applied(TargetStatus status) {
        Readings readings =
                Readings.of(
                        Reading.known(10, clock.instant()), Reading.known(1000, clock.instant()));
        Decision d =
                DefaultScalingPolicy.numaflowCompatible()
                        .decide(
                                Target.of(ORDERS, dev.ballast.core.model.ScaleSpec.defaults()),
                                status,
                                readings,
                                TargetHistory.INITIAL.observe(readings),
                                Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(d.desired()).isEqualTo(4);
        return new Evaluation(
                d, Outcome.APPLIED, false, Duration.ZERO, Duration.ZERO, Optional.empty());
    }

    private Evaluation held(TargetStatus status) {
        Readings readings =
                Readings.unknown(dev.ballast.core.model.UnknownCause.SOURCE_ERROR, "refused");
        Decision d =
                DefaultScalingPolicy.numaflowCompatible()
                        .decide(
                                Target.of(ORDERS, dev.ballast.core.model.ScaleSpec.defaults()),
                                status,
                                readings,
                                TargetHistory.INITIAL.observe(readings),
                                Instant.parse("2026-06-01T00:00:00Z"));
        return new Evaluation(
                d, Outcome.NO_CHANGE, false, Duration.ZERO, Duration.ZERO, Optional.empty());
    }
}
