package dev.ballast.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.observe.BallastMetrics;
import dev.ballast.app.observe.DecisionLog;
import dev.ballast.core.loop.ControlLoop;
import dev.ballast.core.loop.DecisionListener;
import dev.ballast.core.loop.ExecutorScheduler;
import dev.ballast.core.loop.Scheduler;
import dev.ballast.core.policy.DefaultScalingPolicy;
import dev.ballast.core.policy.ScalingPolicy;
import dev.ballast.core.spi.Actuator;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.TargetDiscovery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Named;
import javax.inject.Singleton;

/** The policy, the worker pool and the control loop. */
@Module
public final class LoopModule {

    private LoopModule() {}

    private static java.time.Duration scaled(java.time.Duration delay, double scale) {
        return java.time.Duration.ofNanos((long) (delay.toNanos() / scale));
    }

    @Provides
    @Singleton
    static ScalingPolicy policy(AppConfig config, Clock clock) {
        return new DefaultScalingPolicy(config.safety(), clock.instant());
    }

    @Provides
    @Singleton
    @Named("workers")
    static ExecutorService workers(AppConfig config) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(
                config.workers(),
                r -> {
                    Thread t = new Thread(r, "ballast-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Provides
    @Singleton
    static ControlLoop loop(
            AppConfig config,
            Clock clock,
            TargetDiscovery discovery,
            MetricSource source,
            Actuator actuator,
            ScalingPolicy policy,
            ScheduledExecutorService timer,
            @Named("workers") ExecutorService workers,
            BallastMetrics metrics,
            Optional<DecisionLog> log,
            List<DecisionListener> extra,
            @Named("timeScale") double timeScale) {
        List<DecisionListener> listeners = new ArrayList<>();
        listeners.add(metrics);
        log.ifPresent(listeners::add);
        listeners.addAll(extra);
        Scheduler scheduler = new ExecutorScheduler(timer);
        return new ControlLoop(
                discovery,
                source,
                actuator,
                policy,
                config.loopSettings(),
                clock,
                timeScale == 1
                        ? scheduler
                        : (task, delay) -> scheduler.schedule(task, scaled(delay, timeScale)),
                workers,
                listeners);
    }
}
