package dev.ballast.core.loop;

import dev.ballast.core.model.Readings;
import dev.ballast.core.model.Target;
import dev.ballast.core.model.TargetRef;
import dev.ballast.core.model.TargetStatus;
import dev.ballast.core.model.UnknownCause;
import dev.ballast.core.policy.Decision;
import dev.ballast.core.policy.Reason;
import dev.ballast.core.policy.ScalingPolicy;
import dev.ballast.core.policy.TargetHistory;
import dev.ballast.core.spi.ActuationException;
import dev.ballast.core.spi.Actuator;
import dev.ballast.core.spi.MetricSource;
import dev.ballast.core.spi.SourceFailures;
import dev.ballast.core.spi.TargetDiscovery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Evaluates every target once per interval: asks discovery for the targets, spreads them over the
 * interval, and for each one reads its status and signals, asks the policy for a decision, applies
 * it through the actuator and reports it to the listeners.
 *
 * <p>Guarantees: one target is never evaluated twice at once (an evaluation still running when the
 * next is due is skipped and reported); a failure in one target never stops the others; a metric
 * source failure becomes unknown readings, never zero; {@link #close()} starts no new change and
 * waits a bounded time for evaluations under way. Time comes from the injected {@link Clock} and
 * {@link Scheduler}, so that tests run in virtual time. An actuator that is also a {@link
 * DecisionListener} (to record events, for example) receives every evaluation too.
 */
public final class ControlLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ControlLoop.class.getName());

    private final TargetDiscovery discovery;
    private final MetricSource source;
    private final Actuator actuator;
    private final ScalingPolicy policy;
    private final LoopSettings settings;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Executor workers;
    private final Listeners listeners;
    private final ConcurrentHashMap<TargetRef, TargetState> states = new ConcurrentHashMap<>();
    private final InFlight inFlight = new InFlight();
    private final Object lifecycle = new Object();
    private boolean started;
    private volatile boolean stopped;
    private volatile Instant lastIntervalAt;
    private Scheduler.Cancellable nextInterval;

    /**
     * @param workers runs evaluations; its size bounds how many run at once (a direct executor is
     *     fine in tests)
     */
    public ControlLoop(
            TargetDiscovery discovery,
            MetricSource source,
            Actuator actuator,
            ScalingPolicy policy,
            LoopSettings settings,
            Clock clock,
            Scheduler scheduler,
            Executor workers,
            List<DecisionListener> listeners) {
        this.discovery = discovery;
        this.source = source;
        this.actuator = actuator;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.workers = workers;
        List<DecisionListener> all = new java.util.ArrayList<>(listeners);
        if (actuator instanceof DecisionListener && !all.contains(actuator)) {
            all.add((DecisionListener) actuator);
        }
        this.listeners = new Listeners(List.copyOf(all));
    }

    /** Starts the first interval now. */
    public void start() {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("the control loop was already started");
            }
            started = true;
            Instant now = clock.instant();
            nextInterval = scheduler.schedule(() -> runInterval(now), Duration.ZERO);
        }
    }

    /** Whether the loop has started an interval and has not been closed. */
    public boolean isRunning() {
        return lastIntervalAt != null && !stopped;
    }

    /** When the latest interval started; empty before the first. */
    public Optional<Instant> lastIntervalAt() {
        return Optional.ofNullable(lastIntervalAt);
    }

    /**
     * Stops starting intervals and changes, then waits up to the shutdown timeout for evaluations
     * under way. A change already sent to the actuator is finished; one not yet sent is abandoned.
     *
     * @return nothing; evaluations still running after the timeout are left to finish on their own
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            stopped = true;
            if (nextInterval != null) {
                nextInterval.cancel();
            }
        }
        if (!inFlight.awaitEvaluations(settings.shutdownTimeout())) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "control loop closed with {0} evaluations still running after {1}; they will"
                            + " start no change",
                    inFlight.evaluations(),
                    settings.shutdownTimeout());
        }
        // A change already sent is waited for, however long the actuator takes, so that none
        // lands after the caller has released the lease or closed the listeners.
        inFlight.awaitActuations();
    }

    private void runInterval(Instant intervalAt) {
        if (stopped) {
            return;
        }
        lastIntervalAt = intervalAt;
        try {
            scheduleTargets(intervalAt);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "control loop interval failed; next one as usual",
                    e);
        } finally {
            synchronized (lifecycle) {
                if (!stopped) {
                    Instant next = intervalAt.plus(settings.interval());
                    nextInterval =
                            scheduler.schedule(
                                    () -> runInterval(next),
                                    Duration.between(clock.instant(), next));
                }
            }
        }
    }

    private void scheduleTargets(Instant intervalAt) {
        List<Target> targets = discovery.targets();
        Set<TargetRef> present = new HashSet<>(targets.size() * 2);
        for (Target target : targets) {
            present.add(target.ref());
        }
        // A target that left discovery while its evaluation runs keeps its state until it ends,
        // so that it can never be evaluated twice at once.
        for (TargetRef ref : List.copyOf(states.keySet())) {
            if (!present.contains(ref)) {
                states.computeIfPresent(ref, (r, s) -> s.running.get() ? s : null);
            }
        }
        int n = targets.size();
        IntervalTracker tracker = new IntervalTracker(listeners, clock, n, intervalAt);
        long intervalNanos = settings.interval().toNanos();
        Instant now = clock.instant();
        for (int i = 0; i < n; i++) {
            Target target = targets.get(i);
            Instant slot = intervalAt.plusNanos(intervalNanos / n * i);
            scheduler.schedule(() -> dispatch(target, slot, tracker), Duration.between(now, slot));
        }
    }

    private void dispatch(Target target, Instant slot, IntervalTracker tracker) {
        if (stopped) {
            tracker.done(false);
            return;
        }
        try {
            workers.execute(() -> evaluate(target, slot, tracker));
        } catch (RejectedExecutionException e) {
            tracker.done(false);
        }
    }

    private void evaluate(Target target, Instant slot, IntervalTracker tracker) {
        inFlight.startEvaluation();
        if (stopped) {
            inFlight.endEvaluation();
            tracker.done(false);
            return;
        }
        TargetState state = acquire(target.ref());
        if (state == null) {
            inFlight.endEvaluation();
            listeners.overlapSkipped(target.ref());
            tracker.done(true);
            return;
        }
        Instant start = clock.instant();
        Run run = new Run(target, state, tracker, start, positive(Duration.between(slot, start)));
        try {
            if (actuator.status(target.ref()).isEmpty()) {
                run.finish(statusUnknown(target, start, null), Outcome.NO_CHANGE, null);
                return;
            }
            TimedRead.read(source, target, scheduler, settings.evaluationTimeout())
                    .whenComplete(
                            (readings, error) -> onWorker(() -> decide(run, readings, error)));
        } catch (Throwable e) {
            run.fail(e, null);
        }
    }

    /** The target's state, marked running; {@code null} if an evaluation of it is running. */
    private TargetState acquire(TargetRef ref) {
        boolean[] acquired = new boolean[1];
        TargetState state =
                states.compute(
                        ref,
                        (r, s) -> {
                            TargetState current = s == null ? new TargetState() : s;
                            acquired[0] = current.running.compareAndSet(false, true);
                            return current;
                        });
        return acquired[0] ? state : null;
    }

    private void decide(Run run, Readings readings, Throwable error) {
        Readings r = null;
        try {
            r = error != null ? SourceFailures.toUnknownReadings(error) : readings;
            if (r == null) {
                r = Readings.unknown(UnknownCause.MALFORMED, "the source returned no readings");
            }
            TargetHistory history = run.state.history.observe(r, clock.instant());
            run.state.history = history;
            // Read the status again: the read may have taken most of the interval.
            Optional<TargetStatus> status = actuator.status(run.target.ref());
            if (status.isEmpty()) {
                run.finish(statusUnknown(run.target, clock.instant(), r), Outcome.NO_CHANGE, null);
                return;
            }
            Decision decision =
                    policy.decide(run.target, status.get(), r, history, clock.instant());
            if (!decision.isChange()) {
                run.finish(decision, Outcome.NO_CHANGE, null);
            } else if (settings.dryRun()) {
                run.finish(decision, Outcome.DRY_RUN, null);
            } else if (stopped) {
                run.finish(decision, Outcome.ABANDONED, null);
            } else if (!actuator.isActive()) {
                run.finish(decision, Outcome.NOT_ACTIVE, null);
            } else {
                actuate(run, decision);
            }
        } catch (Throwable e) {
            run.fail(e, r);
        }
    }

    private void actuate(Run run, Decision decision) {
        Outcome outcome;
        String failure = null;
        inFlight.startActuation();
        try {
            actuator.setReplicas(run.target.ref(), decision.desired());
            outcome = Outcome.APPLIED;
        } catch (ActuationException e) {
            failure = e.getMessage();
            switch (e.failure()) {
                case TARGET_GONE:
                    outcome = Outcome.TARGET_GONE;
                    break;
                case NOT_ACTIVE:
                    outcome = Outcome.NOT_ACTIVE;
                    break;
                default:
                    outcome = Outcome.FAILED;
            }
        } catch (RuntimeException e) {
            failure = e.toString();
            outcome = Outcome.FAILED;
        } finally {
            inFlight.endActuation();
        }
        run.finish(decision, outcome, failure);
    }

    private static Decision statusUnknown(Target target, Instant at, Readings readings) {
        return Decision.withoutStatus(
                Reason.STATUS_UNKNOWN,
                target,
                at,
                readings,
                "status of " + target.ref() + " is not known (cache not synced, or object gone)");
    }

    private void onWorker(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    private static Decision failed(Target target, Instant at, Readings readings, Throwable e) {
        LOG.log(System.Logger.Level.ERROR, "evaluation of " + target.ref() + " failed", e);
        return Decision.withoutStatus(
                Reason.EVALUATION_FAILED, target, at, readings, "evaluation failed: " + e);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** One evaluation under way. */
    private final class Run {
        final Target target;
        final TargetState state;
        final IntervalTracker tracker;
        final Instant start;
        final Duration lag;

        Run(
                Target target,
                TargetState state,
                IntervalTracker tracker,
                Instant start,
                Duration lag) {
            this.target = target;
            this.state = state;
            this.tracker = tracker;
            this.start = start;
            this.lag = lag;
        }

        private final AtomicBoolean finished = new AtomicBoolean();

        /** Reports the evaluation and releases the target; only the first call counts. */
        void finish(Decision decision, Outcome outcome, String failure) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
                Duration took = positive(Duration.between(start, clock.instant()));
                listeners.evaluation(
                        new Evaluation(
                                decision,
                                outcome,
                                settings.dryRun(),
                                lag,
                                took,
                                Optional.ofNullable(failure)));
            } finally {
                state.running.set(false);
                inFlight.endEvaluation();
                tracker.done(false);
            }
        }

        /** Ends the evaluation after an unexpected failure; JVM errors are passed on after. */
        void fail(Throwable e, Readings readings) {
            finish(failed(target, clock.instant(), readings, e), Outcome.NO_CHANGE, null);
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
        }
    }

    /** Per-target state kept between intervals. */
    private static final class TargetState {
        final AtomicBoolean running = new AtomicBoolean();
        volatile TargetHistory history = TargetHistory.INITIAL;
    }
}
