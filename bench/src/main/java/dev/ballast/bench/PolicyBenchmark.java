package dev.ballast.bench;

import dev.ballast.core.loop.ControlLoop;
import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.LoopSettings;
import dev.ballast.core.loop.Scheduler;
import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.policy.Decision;
import dev.ballast.core.policy.DefaultScalingPolicy;
import dev.ballast.core.policy.TargetHistory;
import dev.ballast.core.spi.ActuationException;
import dev.ballast.core.spi.Actuator;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.TargetDiscovery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One policy decision, and one full evaluation through the control loop with a fake source and
 * actuator (no I/O): time and allocations per operation. Run: {@code java -jar
 * bench/target/benchmarks.jar PolicyBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class PolicyBenchmark {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private DefaultScalingPolicy policy;
    private Target target;
    private TargetStatus status;
    private Readings readings;
    private TargetHistory history;
    private ControlLoop loop;
    private Runnable tick;

    @Setup
    public void setUp() {
        policy = DefaultScalingPolicy.withDefaults(Duration.ofSeconds(30), NOW.minusSeconds(3600));
        target = Target.of(TargetRef.monoVertex("prod", "orders"), ScaleSpec.defaults());
        status = TargetStatus.running(4, NOW.minusSeconds(600));
        readings = Readings.of(Reading.known(120.5, NOW), Reading.known(3400, NOW));
        history = TargetHistory.INITIAL.observe(readings);

        Readings fixed = readings;
        MetricSource source =
                new MetricSource() {
                    private final CompletionStage<Readings> answer =
                            CompletableFuture.completedFuture(fixed);

                    @Override
                    public CompletionStage<Readings> read(Target t) {
                        return answer;
                    }
                };
        Optional<TargetStatus> known = Optional.of(status);
        Actuator actuator =
                new Actuator() {
                    @Override
                    public Optional<TargetStatus> status(TargetRef t) {
                        return known;
                    }

                    @Override
                    public void setReplicas(TargetRef t, int replicas) throws ActuationException {}
                };
        List<Target> targets = List.of(target);
        TargetDiscovery discovery = () -> targets;
        java.util.ArrayDeque<Object[]> tasks = new java.util.ArrayDeque<>();
        Scheduler inline =
                (task, delay) -> {
                    Object[] entry = {task, Boolean.FALSE};
                    tasks.add(entry);
                    return () -> entry[1] = Boolean.TRUE;
                };
        DecisionListener sink = e -> {};
        loop =
                new ControlLoop(
                        discovery,
                        source,
                        actuator,
                        policy,
                        LoopSettings.every(Duration.ofSeconds(30)),
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        inline,
                        Runnable::run,
                        List.of(sink));
        loop.start();
        // Each tick runs what is queued: the interval, its one target's evaluation, and leaves
        // the next interval queued; cancelled timers are dropped.
        tick =
                () -> {
                    int n = tasks.size();
                    for (int i = 0; i < n; i++) {
                        Object[] entry = tasks.poll();
                        if (entry[1] == Boolean.FALSE) {
                            ((Runnable) entry[0]).run();
                        }
                    }
                    tasks.removeIf(e -> e[1] == Boolean.TRUE);
                };
    }

    @Benchmark
    public Decision decide() {
        return policy.decide(target, status, readings, history, NOW);
    }

    @Benchmark
    public Object evaluateThroughTheLoop() {
        tick.run();
        return loop;
    }
}
