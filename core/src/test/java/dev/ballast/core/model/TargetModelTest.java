package dev.ballast.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TargetModelTest {

    @Test
    void aTargetRefNamesItsKindNamespaceAndName() {
        TargetRef ref = TargetRef.monoVertex("prod", "orders");

        assertThat(ref.key()).isEqualTo("prod/orders");
        assertThat(ref).hasToString("MonoVertex prod/orders");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TargetRef.monoVertex(" ", "orders"))
                .withMessage("namespace must not be blank, got ' '");
    }

    @Test
    void phasesAreReadFromTheWire() {
        assertThat(Phase.fromWire("Running")).isEqualTo(Phase.RUNNING);
        assertThat(Phase.fromWire("paused")).isEqualTo(Phase.PAUSED);
        assertThat(Phase.fromWire("")).isEqualTo(Phase.UNKNOWN);
        assertThat(Phase.fromWire(null)).isEqualTo(Phase.UNKNOWN);
        assertThat(Phase.fromWire("Exploded")).isEqualTo(Phase.UNKNOWN);
    }

    @Test
    void secondsSinceLastScaleIsInfiniteWhenNeverReported() {
        Instant now = Instant.parse("2026-01-01T00:01:30.500Z");
        TargetStatus status = TargetStatus.running(2, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(status.secondsSinceLastScale(now)).isEqualTo(90.5);
        assertThat(status.toBuilder().lastScaledAt(null).build().secondsSinceLastScale(now))
                .isInfinite();
    }

    @Test
    void negativeReplicaCountsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TargetStatus.builder().replicas(-1).build())
                .withMessageContaining("status.replicas=-1");
    }

    @Test
    void theRateLimitIsReadCallsTimesBatchSize() {
        assertThat(new ReadLimits(500, OptionalLong.of(2)).maxMessagesPerSecond()).hasValue(1000);
        assertThat(ReadLimits.DEFAULT.maxMessagesPerSecond()).isEmpty();
        assertThat(new ReadLimits(Long.MAX_VALUE, OptionalLong.of(3)).maxMessagesPerSecond())
                .hasValue(Long.MAX_VALUE);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReadLimits(0, OptionalLong.empty()))
                .withMessage("limits.readBatchSize=0 must be at least 1");
    }
}
