package dev.ballast.k8s;

import static dev.ballast.k8s.MonoVertices.monoVertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.model.InvalidSpecException;
import dev.ballast.core.model.Phase;
import dev.ballast.core.model.ScaleBounds;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonoVertexReaderTest {

    @Test
    void managedOnlyWhenNumaflowsScalerIsOffAndTheObjectOptsIn() {
        assertThat(MonoVertexReader.isManaged(monoVertex("ns", "a", 1).managed().build())).isTrue();
        assertThat(MonoVertexReader.isManaged(monoVertex("ns", "b", 1).build())).isFalse();
        assertThat(
                        MonoVertexReader.isManaged(
                                monoVertex("ns", "c", 1)
                                        .annotation("ballast.dev/managed", "true")
                                        .build()))
                .as("Numaflow's own autoscaler still on")
                .isFalse();
        assertThat(
                        MonoVertexReader.isManaged(
                                monoVertex("ns", "d", 1).scale("disabled", true).build()))
                .as("not opted in")
                .isFalse();
        assertThat(
                        MonoVertexReader.isManaged(
                                monoVertex("ns", "e", 1)
                                        .managed()
                                        .annotation("ballast.dev/managed", "yes")
                                        .build()))
                .isFalse();
    }

    @Test
    void readsSpecScaleWithAnnotationOverrides() {
        Target t =
                MonoVertexReader.target(
                        monoVertex("ns", "a", 2)
                                .managed()
                                .scale("min", 1)
                                .scale("max", 10)
                                .scale("scaleUpCooldownSeconds", 30)
                                .annotation("ballast.dev/max", "7")
                                .annotation("ballast.dev/replicasPerScaleUp", "3")
                                .build());

        assertThat(t.ref().key()).isEqualTo("ns/a");
        assertThat(t.scale().min()).isEqualTo(1);
        assertThat(t.scale().max()).isEqualTo(7);
        assertThat(t.scale().scaleUpCooldownSeconds()).isEqualTo(30);
        assertThat(t.scale().replicasPerScaleUp()).isEqualTo(3);
        assertThat(t.scale().disabled()).as("Numaflow's disabled flag is not Ballast's").isFalse();
        assertThat(t.limits().readBatchSize()).isEqualTo(500);
    }

    @Test
    void ballastsOwnOptOutIsAnAnnotation() {
        Target t =
                MonoVertexReader.target(
                        monoVertex("ns", "a", 2)
                                .managed()
                                .annotation("ballast.dev/disabled", "true")
                                .build());

        assertThat(t.scale().disabled()).isTrue();
    }

    @Test
    void readsCronWindows() {
        Target t =
                MonoVertexReader.target(
                        monoVertex("ns", "a", 2)
                                .managed()
                                .scale(
                                        "cron",
                                        Map.of(
                                                "timezone",
                                                "UTC",
                                                "schedules",
                                                List.of(
                                                        Map.of(
                                                                "start",
                                                                "0 0 9 * * MON-FRI",
                                                                "end",
                                                                "0 0 17 * * MON-FRI",
                                                                "min",
                                                                3,
                                                                "max",
                                                                8))))
                                .build());

        assertThat(t.scale().boundsAt(Instant.parse("2026-06-01T12:00:00Z")))
                .isEqualTo(new ScaleBounds(3, 8, true));
    }

    @Test
    void everyBadValueIsNamedWithWhereItWasFound() {
        assertThatThrownBy(
                        () ->
                                MonoVertexReader.target(
                                        monoVertex("ns", "a", 2)
                                                .managed()
                                                .scale("targetProcessingSeconds", "soon")
                                                .annotation("ballast.dev/min", "lots")
                                                .annotation("ballast.dev/disabled", "maybe")
                                                .scale(
                                                        "cron",
                                                        Map.of(
                                                                "timezone",
                                                                "Mars/Olympus",
                                                                "schedules",
                                                                List.of(
                                                                        Map.of(
                                                                                "start",
                                                                                "0 0 9 * *",
                                                                                "end",
                                                                                "0 0 17 * * *"))))
                                                .build()))
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .containsExactly(
                                                "annotation ballast.dev/min='lots' is not a whole"
                                                        + " number",
                                                "spec.scale.targetProcessingSeconds='soon' is not a"
                                                        + " whole number",
                                                "annotation ballast.dev/disabled='maybe' must be"
                                                        + " true or false",
                                                "spec.scale.cron.timezone='Mars/Olympus' is not a"
                                                        + " time zone",
                                                "spec.scale.cron.schedules[0]: invalid cron"
                                                    + " expression \"0 0 9 * *\": expected 6 fields"
                                                    + " (second minute hour day-of-month month"
                                                    + " day-of-week), got 5"));
    }

    @Test
    void rulesOfTheSpecApplyToo() {
        assertThatThrownBy(
                        () ->
                                MonoVertexReader.target(
                                        monoVertex("ns", "a", 2)
                                                .managed()
                                                .scale("min", 5)
                                                .scale("max", 2)
                                                .build()))
                .hasMessage("scale.min=5 is greater than scale.max=2 (min must not exceed max)");
    }

    @Test
    void readsTheStatus() {
        TargetStatus s =
                MonoVertexReader.status(
                        monoVertex("ns", "a", 3)
                                .status("replicas", 4)
                                .status("readyReplicas", 2)
                                .status("phase", "Paused")
                                .status("updateHash", "new")
                                .status("lastScaledAt", "2026-05-01T10:00:00Z")
                                .build());

        assertThat(s.specReplicas()).isEqualTo(3);
        assertThat(s.replicas()).isEqualTo(4);
        assertThat(s.readyReplicas()).isEqualTo(2);
        assertThat(s.phase()).isEqualTo(Phase.PAUSED);
        assertThat(s.desiredPhase()).isEqualTo(Phase.RUNNING);
        assertThat(s.rollingUpdate()).isTrue();
        assertThat(s.lastScaledAt()).contains(Instant.parse("2026-05-01T10:00:00Z"));
    }

    @Test
    void anObjectBeingDeletedIsNotManaged() {
        GenericKubernetesResource mv = monoVertex("ns", "a", 1).managed().build();
        mv.getMetadata().setDeletionTimestamp("2026-06-01T00:00:00Z");

        assertThat(MonoVertexReader.isManaged(mv)).isFalse();
    }

    @Test
    void specReplicasDefaultsToOne() {
        GenericKubernetesResource mv = monoVertex("ns", "a", 1).build();
        ((java.util.Map<?, ?>) mv.getAdditionalProperties().get("spec")).remove("replicas");

        assertThat(MonoVertexReader.status(mv).specReplicas()).isEqualTo(1);
    }

    @Test
    void anUnreadableStatusIsAnError() {
        assertThatThrownBy(
                        () ->
                                MonoVertexReader.status(
                                        monoVertex("ns", "a", 3)
                                                .status("lastScaledAt", "yesterday")
                                                .build()))
                .hasMessage("status.lastScaledAt='yesterday' is not an RFC 3339 time");
    }
}
