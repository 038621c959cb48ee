package dev.ballast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Numaflow's own test vectors for desiredReplicas (scaling_test.go, TestDesiredReplicas). */
class DesiredReplicasTest {

    static Stream<Arguments> numaflowVectors() {
        return Stream.of(
                // name, pending, rate, targetSeconds, ready, current, expected
                Arguments.of("bothZero_scaleToZero", 0L, 0.0, 20, 1, 0, 0),
                Arguments.of("rateZero_returnsCurrent", 100L, 0.0, 20, 1, 3, 3),
                Arguments.of("normal", 100L, 5.0, 20, 1, 0, 1),
                Arguments.of("desiredZero_clampedToOne", 1L, 1000.0, 20, 1, 0, 1),
                Arguments.of("capByPending_desiredLessThanPending", 3L, 0.5, 20, 1, 0, 1),
                Arguments.of("capByPending_desiredGreaterThanPending", 3L, 0.01, 1, 5, 0, 3),
                Arguments.of("overflow_fromIssue3415", 100_000L, 0.001, 20, 1, 0, 100_000),
                Arguments.of("extremeOverflow", 1_000_000L, 0.0001, 1, 10, 0, 1_000_000),
                Arguments.of(
                        "pendingExceedsMaxInt32",
                        (long) Integer.MAX_VALUE + 1000,
                        1e9,
                        20,
                        1,
                        0,
                        1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numaflowVectors")
    void matchesNumaflow(
            String name,
            long pending,
            double rate,
            int targetSeconds,
            int ready,
            int current,
            int expected) {
        int desired = DesiredReplicas.compute(rate, pending, targetSeconds, ready, current);

        assertThat(desired).isEqualTo(expected);
        if (expected != 0) {
            assertThat(desired).isPositive();
        }
    }

    @ParameterizedTest(name = "pending {0} / rate {1} over 20 s with 2 ready -> {2}")
    @MethodSource("roundingCases")
    void roundsHalvesAwayFromZeroLikeGo(long pending, double rate, int expected) {
        assertThat(DesiredReplicas.compute(rate, pending, 20, 2, 1)).isEqualTo(expected);
    }

    static Stream<Arguments> roundingCases() {
        return Stream.of(
                Arguments.of(500L, 20.0, 3), // 2.5 -> 3
                Arguments.of(490L, 20.0, 2), // 2.45 -> 2
                Arguments.of(1500L, 20.0, 8)); // 7.5 -> 8
    }

    @ParameterizedTest(name = "pending reading {0} -> {1}")
    @MethodSource("pendingCounts")
    void pendingRoundsUpSoAFractionNeverReadsAsZero(double reading, long expected) {
        assertThat(DesiredReplicas.pendingCount(reading)).isEqualTo(expected);
    }

    static Stream<Arguments> pendingCounts() {
        return Stream.of(
                Arguments.of(0.0, 0L),
                Arguments.of(0.2, 1L),
                Arguments.of(340.0, 340L),
                Arguments.of(1e30, Long.MAX_VALUE));
    }
}
