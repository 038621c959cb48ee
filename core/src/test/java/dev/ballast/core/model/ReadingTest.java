package dev.ballast.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadingTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(doubles = {-1, -9.223372036854776E18, Double.NaN, Double.POSITIVE_INFINITY})
    void noNumberThatMeansUnknownCanBeAKnownReading(double sentinel) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Reading.known(sentinel, T))
                .withMessageContaining("report it as unknown instead");
    }

    @Test
    void anUnknownReadingHasNoValue() {
        Reading r = Reading.unknown(UnknownCause.NOT_AVAILABLE, "rater warming up");

        assertThat(r.isKnown()).isFalse();
        assertThat(r).hasToString("unknown(NOT_AVAILABLE: rater warming up)");
        assertThatIllegalStateException().isThrownBy(r::value);
    }

    @Test
    void readingsAreAllKnownOnlyWhenBothAre() {
        Reading known = Reading.known(0, T);
        Reading unknown = Reading.unknown(UnknownCause.NOT_REPORTED, "");

        assertThat(Readings.of(known, known).allKnown()).isTrue();
        assertThat(Readings.of(unknown, known).allKnown()).isFalse();
        assertThat(Readings.of(known, unknown).allKnown()).isFalse();
        assertThat(Readings.unknown(UnknownCause.TIMEOUT, "2s").rate().isKnown()).isFalse();
    }

    @Test
    void sourceFailuresAreToldApartFromASourceThatCannotTell() {
        assertThat(UnknownCause.CIRCUIT_OPEN.isSourceFailure()).isTrue();
        assertThat(UnknownCause.TIMEOUT.isSourceFailure()).isTrue();
        assertThat(UnknownCause.NOT_AVAILABLE.isSourceFailure()).isFalse();
        assertThat(UnknownCause.NO_DATA.isSourceFailure()).isFalse();
    }
}
