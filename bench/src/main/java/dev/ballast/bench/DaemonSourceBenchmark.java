package dev.ballast.bench;

import dev.ballast.core.config.MapConfigView;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.ScaleSpec;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.ProviderContext;
import dev.ballast.source.daemon.DaemonSourceProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The daemon source against an emulated daemon on loopback, in another process: fetches per second
 * and bytes allocated per fetch (with {@code -prof gc}). {@code single} waits for each answer
 * before the next request; {@code batch64} keeps 64 requests in flight, as the control loop does
 * with many targets. Run: {@code java -jar bench/target/benchmarks.jar DaemonSourceBenchmark -prof
 * gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class DaemonSourceBenchmark {

    static final int BATCH = 64;

    @Param({"http", "https"})
    public String scheme;

    private StandIn daemon;
    private MetricSource source;
    private Target[] targets;
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        // Without nodelay the JDK server's separate header and body writes meet delayed ACKs:
        // 40 ms per answer.
        daemon =
                StandIn.start(
                        LoopbackDaemon.class,
                        List.of("-Dsun.net.httpserver.nodelay=true"),
                        scheme,
                        "4");
        int port = daemon.port;
        Map<String, Object> settings =
                Map.of(
                        "urlTemplate", scheme + "://127.0.0.1:" + port + "/{namespace}/{name}",
                        "maxRequestsPerHost", BATCH,
                        "maxIdleConnections", BATCH);
        MapConfigView root = MapConfigView.root(Map.of("daemon", settings));
        source =
                new DaemonSourceProvider()
                        .create(ProviderContext.of(root.section("daemon"), Clock.systemUTC()));
        targets = new Target[1000];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = Target.of(TargetRef.monoVertex("bench", "mv-" + i), ScaleSpec.defaults());
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        source.close();
        daemon.close();
    }

    private Target nextTarget() {
        Target t = targets[next];
        next = (next + 1) % targets.length;
        return t;
    }

    @Benchmark
    public Readings single() {
        return source.read(nextTarget()).toCompletableFuture().join();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object batch64() {
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[BATCH];
        for (int i = 0; i < BATCH; i++) {
            inFlight[i] = source.read(nextTarget()).toCompletableFuture();
        }
        return CompletableFuture.allOf(inFlight).join();
    }
}
