package dev.ballast.core.testing;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.UnknownCause;
import dev.ballast.core.spi.MetricSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A {@link MetricSource} whose answers the test sets per target: fixed readings, a failure, or no
 * answer at all. Targets with no answer set read as unknown ({@link UnknownCause#NO_DATA}).
 */
public final class TestingMetricSource implements MetricSource {

    private final Clock clock;
    private final Map<TargetRef, Function<Target, CompletionStage<Readings>>> answers =
            new ConcurrentHashMap<>();
    private final List<TargetRef> calls = new CopyOnWriteArrayList<>();

    public TestingMetricSource(Clock clock) {
        this.clock = clock;
    }

    /** Answers with a known rate and pending from now on. */
    public TestingMetricSource known(TargetRef ref, double rate, long pending) {
        return answer(
                ref,
                Readings.of(
                        Reading.known(rate, clock.instant()),
                        Reading.known(pending, clock.instant())));
    }

    /** Answers with {@code readings} from now on. */
    public TestingMetricSource answer(TargetRef ref, Readings readings) {
        answers.put(ref, t -> CompletableFuture.completedFuture(readings));
        return this;
    }

    /** Fails every call with {@code error} from now on. */
    public TestingMetricSource fail(TargetRef ref, Throwable error) {
        answers.put(ref, t -> CompletableFuture.failedFuture(error));
        return this;
    }

    /** Throws {@code error} from {@link #read(Target)} itself, as a badly written source might. */
    public TestingMetricSource throwing(TargetRef ref, RuntimeException error) {
        answers.put(
                ref,
                t -> {
                    throw error;
                });
        return this;
    }

    /** Never answers; each call returns a stage the test can complete later. */
    public TestingMetricSource hang(TargetRef ref, List<CompletableFuture<Readings>> pending) {
        answers.put(
                ref,
                t -> {
                    CompletableFuture<Readings> f = new CompletableFuture<>();
                    pending.add(f);
                    return f;
                });
        return this;
    }

    @Override
    public CompletionStage<Readings> read(Target target) {
        calls.add(target.ref());
        Function<Target, CompletionStage<Readings>> answer = answers.get(target.ref());
        if (answer == null) {
            return CompletableFuture.completedFuture(
                    Readings.unknown(UnknownCause.NO_DATA, "no answer set in the test"));
        }
        return answer.apply(target);
    }

    /** Every target read so far, in order. */
    public List<TargetRef> calls() {
        return List.copyOf(calls);
    }

    /** How many times {@code ref} was read. */
    public long callsFor(TargetRef ref) {
        return calls.stream().filter(ref::equals).count();
    }
}
