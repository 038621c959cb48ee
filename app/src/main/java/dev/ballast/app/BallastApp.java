package dev.ballast.app;

import dev.ballast.app.config.AppConfig;
import dev.ballast.app.observe.DecisionLog;
import dev.ballast.app.observe.HealthServer;
import dev.ballast.core.loop.ControlLoop;
import dev.ballast.core.spi.Actuator;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.TargetDiscovery;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: starts and stops the parts the graph made, in order. */
public final class BallastApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BallastApp.class);

    private final AppConfig config;
    private final TargetDiscovery discovery;
    private final MetricSource source;
    private final Actuator actuator;
    private final ControlLoop loop;
    private final CollectorRegistry registry;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Optional<DecisionLog> decisionLog;
    private HealthServer server;
    private boolean closed;

    @Inject
    BallastApp(
            AppConfig config,
            TargetDiscovery discovery,
            MetricSource source,
            Actuator actuator,
            ControlLoop loop,
            CollectorRegistry registry,
            ScheduledExecutorService timer,
            @Named("workers") ExecutorService workers,
            Optional<DecisionLog> decisionLog) {
        this.config = config;
        this.discovery = discovery;
        this.source = source;
        this.actuator = actuator;
        this.loop = loop;
        this.registry = registry;
        this.timer = timer;
        this.workers = workers;
        this.decisionLog = decisionLog;
    }

    /** Starts the health server, discovery, the actuator and the loop. */
    public synchronized void start() {
        if (config.serverPort() >= 0) {
            try {
                server = new HealthServer(config.serverPort(), registry, this::notReady);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "server.port " + config.serverPort() + " cannot be opened", e);
            }
        }
        discovery.start();
        actuator.start();
        loop.start();
        LOG.info(
                "Ballast running: every {} with source {}, discovery {}, actuator {}{}",
                dev.ballast.core.config.Durations.format(config.interval()),
                config.sourceType(),
                config.discoveryType(),
                config.actuatorType(),
                config.dryRun() ? " (dry run: nothing will be changed)" : "");
    }

    /** Why the app is not ready, or empty when it is. */
    public Optional<String> notReady() {
        if (!discovery.isSynced()) {
            return Optional.of("discovery not synced yet");
        }
        if (!loop.isRunning()) {
            return Optional.of("control loop not running");
        }
        return Optional.empty();
    }

    /** The port of the metrics and health server, if one runs. */
    public Optional<Integer> serverPort() {
        return Optional.ofNullable(server).map(HealthServer::port);
    }

    public ControlLoop loop() {
        return loop;
    }

    public Actuator actuator() {
        return actuator;
    }

    /**
     * Stops the loop first (no new change starts; a change already sent is finished), then the
     * parts it used.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.close();
        workers.shutdown();
        quietly(source::close);
        quietly(actuator::close);
        quietly(discovery::close);
        decisionLog.ifPresent(log -> quietly(log::close));
        if (server != null) {
            server.close();
        }
        timer.shutdownNow();
        LOG.info("Ballast stopped");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("error while stopping: {}", e.toString());
        }
    }
}
