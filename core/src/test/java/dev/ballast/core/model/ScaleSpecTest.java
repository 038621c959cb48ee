package dev.ballast.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaleSpecTest {

    @Test
    void defaultsAreNumaflows() {
        ScaleSpec spec = ScaleSpec.defaults();

        assertThat(spec.disabled()).isFalse();
        assertThat(spec.min()).isZero();
        assertThat(spec.max()).isEqualTo(50);
        assertThat(spec.lookbackSeconds()).isEqualTo(120);
        assertThat(spec.scaleUpCooldownSeconds()).isEqualTo(90);
        assertThat(spec.scaleDownCooldownSeconds()).isEqualTo(90);
        assertThat(spec.zeroReplicaSleepSeconds()).isEqualTo(120);
        assertThat(spec.targetProcessingSeconds()).isEqualTo(20);
        assertThat(spec.targetBufferAvailability()).isEqualTo(50);
        assertThat(spec.replicasPerScaleUp()).isEqualTo(2);
        assertThat(spec.replicasPerScaleDown()).isEqualTo(2);
        assertThat(spec.cron()).isEmpty();
        assertThat(spec.adjustments()).isEmpty();
        assertThat(spec.boundsAt(Instant.EPOCH)).isEqualTo(new ScaleBounds(0, 50, false));
    }

    @Test
    void deprecatedReplicasPerScaleIsTheDefaultOfBothStepsOnly() {
        ScaleSpec spec = ScaleSpec.builder().replicasPerScale(4).replicasPerScaleDown(1).build();

        assertThat(spec.replicasPerScaleUp()).isEqualTo(4);
        assertThat(spec.replicasPerScaleDown()).isEqualTo(1);
    }

    @Test
    void theDeprecatedStepIsCheckedOnlyWhereItIsUsed() {
        ScaleSpec both =
                ScaleSpec.builder()
                        .replicasPerScale(0)
                        .replicasPerScaleUp(3)
                        .replicasPerScaleDown(3)
                        .build();

        assertThat(both.replicasPerScaleUp()).isEqualTo(3);
        assertThatThrownBy(
                        () -> ScaleSpec.builder().replicasPerScale(0).replicasPerScaleUp(3).build())
                .hasMessage("scale.replicasPerScale=0 must be at least 1");
    }

    @Test
    void minGreaterThanMaxIsRejectedNamingBoth() {
        assertThatThrownBy(() -> ScaleSpec.builder().min(5).max(3).build())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("scale.min=5 is greater than scale.max=3 (min must not exceed max)");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(
                        () ->
                                ScaleSpec.builder()
                                        .max(-1)
                                        .lookbackSeconds(0)
                                        .scaleUpCooldownSeconds(-5)
                                        .scaleDownCooldownSeconds(-6)
                                        .zeroReplicaSleepSeconds(-7)
                                        .targetProcessingSeconds(0)
                                        .targetBufferAvailability(-2)
                                        .replicasPerScaleUp(0)
                                        .replicasPerScaleDown(-1)
                                        .build())
                .isInstanceOfSatisfying(
                        InvalidSpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .containsExactly(
                                                "scale.max=-1 must not be negative",
                                                "scale.lookbackSeconds=0 must be at least 1",
                                                "scale.scaleUpCooldownSeconds=-5 must not be"
                                                        + " negative",
                                                "scale.scaleDownCooldownSeconds=-6 must not be"
                                                        + " negative",
                                                "scale.zeroReplicaSleepSeconds=-7 must not be"
                                                        + " negative",
                                                "scale.targetProcessingSeconds=0 must be at least"
                                                        + " 1",
                                                "scale.targetBufferAvailability=-2 must not be"
                                                        + " negative",
                                                "scale.replicasPerScaleUp=0 must be at least 1",
                                                "scale.replicasPerScaleDown=-1 must be at least"
                                                        + " 1"));
    }

    @Test
    void aLookbackAbove600IsCappedAndSaidSo() {
        ScaleSpec spec = ScaleSpec.builder().lookbackSeconds(900).build();

        assertThat(spec.lookbackSeconds()).isEqualTo(600);
        assertThat(spec.adjustments())
                .containsExactly("scale.lookbackSeconds=900 is capped at 600");
    }

    @Test
    void aNegativeMinReadsAsZeroAsInNumaflow() {
        ScaleSpec spec = ScaleSpec.builder().min(-3).max(4).build();

        assertThat(spec.min()).isZero();
        assertThat(spec.adjustments()).containsExactly("scale.min=-3 is negative and is read as 0");
    }

    @Test
    void toBuilderRoundTrips() {
        ScaleSpec spec =
                ScaleSpec.builder()
                        .disabled(true)
                        .min(1)
                        .max(9)
                        .lookbackSeconds(60)
                        .scaleUpCooldownSeconds(10)
                        .scaleDownCooldownSeconds(20)
                        .zeroReplicaSleepSeconds(30)
                        .targetProcessingSeconds(5)
                        .targetBufferAvailability(70)
                        .replicasPerScaleUp(3)
                        .replicasPerScaleDown(1)
                        .build();

        assertThat(spec.toBuilder().build()).isEqualTo(spec).hasSameHashCodeAs(spec);
        assertThat(spec.toString()).contains("min=1", "max=9", "disabled=true");
    }
}
