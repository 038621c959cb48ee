package dev.ballast.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.model.Reading;
import dev.ballast.core.model.Readings;
import dev.ballast.core.model.UnknownCause;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatorTest {

    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    /** Runs the rater over a steady vertex for {@code seconds}, with {@code faults}. */
    static RaterModel rater(List<Fault> faults, int seconds, SimulatedMonoVertex vertex) {
        RaterModel rater = new RaterModel(faults, 120);
        for (int t = 0; t <= seconds; t++) {
            vertex.step(t, 1, 100);
            rater.tick(t, vertex);
        }
        return rater;
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        Scenario diurnal = Scenarios.named("diurnal").orElseThrow();

        Simulation.Run a = Simulation.run(diurnal, PolicyKind.BALLAST, 7);
        Simulation.Run b = Simulation.run(diurnal, PolicyKind.BALLAST, 7);
        Simulation.Run c = Simulation.run(diurnal, PolicyKind.BALLAST, 8);

        assertThat(a.points()).isEqualTo(b.points());
        assertThat(a.score()).isEqualTo(b.score());
        assertThat(c.points()).isNotEqualTo(a.points());
    }

    @Test
    void theRaterKnowsNoRateUntilItHasThreeSamples() {
        SimulatedMonoVertex vertex = new SimulatedMonoVertex(2, 100, 0);
        RaterModel rater = new RaterModel(List.of(), 120);
        vertex.step(0, 1, 100);
        rater.tick(0, vertex);
        rater.tick(5, vertex);

        assertThat(rater.read(5, AT).rate().isKnown()).isFalse();
        rater.tick(10, vertex);
        assertThat(rater.read(10, AT).rate().isKnown()).isTrue();
    }

    @Test
    void aRestartingDaemonForgetsItsSamples() {
        SimulatedMonoVertex vertex = new SimulatedMonoVertex(2, 100, 0);
        RaterModel rater =
                rater(List.of(new Fault(Fault.Kind.DAEMON_RESTART, 60, 120)), 100, vertex);

        Readings r = rater.read(100, AT);

        assertThat(r.rate())
                .isEqualTo(
                        Reading.unknown(
                                UnknownCause.NOT_AVAILABLE, "rater has fewer than 3 samples"));
        assertThat(r.pending().isKnown()).as("one sample since the restart").isFalse();
        vertex.step(101, 5, 100);
        rater.tick(105, vertex);
        assertThat(rater.read(105, AT).pending().isKnown()).as("two samples").isTrue();
    }

    @Test
    void anUnreachableDaemonIsASourceError() {
        SimulatedMonoVertex vertex = new SimulatedMonoVertex(2, 100, 0);
        RaterModel rater =
                rater(List.of(new Fault(Fault.Kind.DAEMON_UNREACHABLE, 60, 120)), 100, vertex);

        assertThat(((Reading.Unknown) rater.read(100, AT).rate()).cause())
                .isEqualTo(UnknownCause.SOURCE_ERROR);
        assertThat(rater.read(130, AT).rate().isKnown())
                .as("answers again after the outage")
                .isTrue();
    }

    @Test
    void aMissedScrapeOverCountsOnce() {
        SimulatedMonoVertex steady = new SimulatedMonoVertex(2, 100, 0);
        double normal = rater(List.of(), 200, steady).rawRate().orElseThrow();
        SimulatedMonoVertex faulted = new SimulatedMonoVertex(2, 100, 0);
        RaterModel rater =
                rater(List.of(new Fault(Fault.Kind.SCRAPE_FAILURES, 150, 160)), 170, faulted);

        assertThat(normal).isCloseTo(100, org.assertj.core.data.Offset.offset(1.0));
        assertThat(rater.rawRate().orElseThrow())
                .as("the whole counter counted after the gap")
                .isGreaterThan(150);
    }

    @Test
    void aWindowOfOnlyUnavailablePendingIsUnknown() {
        SimulatedMonoVertex vertex = new SimulatedMonoVertex(2, 100, 0);
        RaterModel rater =
                rater(List.of(new Fault(Fault.Kind.PENDING_UNAVAILABLE, 50, 400)), 200, vertex);

        assertThat(rater.read(200, AT).pending().isKnown()).isFalse();
    }

    @Test
    void aWindowMixingMinusOnesWithABacklogReportsLessThanTheBacklogAsNumaflowDoes() {
        // One replica at 50 msg/s under 100 msg/s: the backlog grows by 50 every second.
        double clean = rater(List.of(), 110, new SimulatedMonoVertex(1, 50, 0)).rawPending();
        double mixed =
                rater(
                                List.of(new Fault(Fault.Kind.PENDING_UNAVAILABLE, 100, 400)),
                                110,
                                new SimulatedMonoVertex(1, 50, 0))
                        .rawPending();

        assertThat(mixed).as("known, and smaller").isPositive().isLessThan(clean - 500);
    }

    @Test
    void theLastMinuteWindowAveragesItsOwnSamples() {
        // A growing backlog: the last minute's average is above the two minutes' one.
        Readings r = rater(List.of(), 200, new SimulatedMonoVertex(1, 50, 0)).read(200, AT);

        Reading lastMinute = r.pendingWindows().get("1m");
        assertThat(lastMinute.isKnown()).isTrue();
        assertThat(lastMinute.value()).isGreaterThan(r.pending().value());
    }

    @Test
    void aFewMinusOnesAmongZerosRoundToAKnownZeroAsNumaflowsIntegerAverageDoes() {
        SimulatedMonoVertex keepingUp = new SimulatedMonoVertex(2, 100, 0);
        RaterModel rater =
                rater(List.of(new Fault(Fault.Kind.PENDING_UNAVAILABLE, 110, 400)), 115, keepingUp);

        assertThat(rater.rawPending()).isZero();
        assertThat(rater.read(115, AT).pending()).isEqualTo(Reading.known(0, AT));
    }

    @Test
    void scrapesFailingForLongerThanTheWindowLeaveNoSamples() {
        RaterModel rater =
                rater(
                        List.of(new Fault(Fault.Kind.SCRAPE_FAILURES, 50, 400)),
                        200,
                        new SimulatedMonoVertex(2, 100, 0));

        assertThat(rater.rawPending()).isEqualTo(RaterModel.NO_SAMPLES);
        assertThat(rater.read(200, AT).rate().isKnown()).isFalse();
    }

    @Test
    void ballastDoesNotScaleDownWhilePendingStillAveragesMinusOnes() {
        Scenario scenario = Scenarios.named("pending-unavailable").orElseThrow();
        // The source cannot tell pending from 300 s to 600 s; its -1s stay in the 120 s window
        // until 720 s, and may have gone on until the first evaluation that no longer saw them.
        Simulation.Run run = Simulation.run(scenario, PolicyKind.BALLAST, 42);

        assertThat(run.steps())
                .filteredOn(s -> s.second() >= 300 && s.second() <= 720)
                .extracting(s -> s.decision().action())
                .doesNotContain(dev.ballast.core.policy.Action.DOWN);
        assertThat(run.steps())
                .extracting(s -> s.decision().explanation())
                .anyMatch(e -> e.contains("could not tell pending"));
    }

    @Test
    void replicasStartAfterTheirStartUpDelay() {
        SimulatedMonoVertex vertex = new SimulatedMonoVertex(1, 100, 20);
        vertex.scale(3, 100);

        assertThat(vertex.ready(110)).isEqualTo(1);
        assertThat(vertex.ready(120)).isEqualTo(3);
    }

    @Test
    void theDaemonRestartScorecardShowsThePreFixPolicyAtZeroWhileBusyAndBallastNever() {
        Scenario restart = Scenarios.named("daemon-restart").orElseThrow();

        Score preFix = Simulation.run(restart, PolicyKind.NUMAFLOW_PRE_FIX, 42).score();
        Score ballast = Simulation.run(restart, PolicyKind.BALLAST, 42).score();

        assertThat(preFix.zeroWhileBusySeconds()).isPositive();
        assertThat(ballast.zeroWhileBusySeconds()).isZero();
        assertThat(ballast.zeroWhileArrivingSeconds()).isZero();
    }

    @ParameterizedTest
    @EnumSource(PolicyKind.class)
    void everyScenarioRunsUnderEveryPolicy(PolicyKind policy) {
        for (Scenario scenario : Scenarios.all()) {
            Simulation.Run run = Simulation.run(scenario, policy, 42);
            assertThat(run.points()).hasSize((int) scenario.seconds());
            assertThat(run.score().replicaSeconds()).isPositive();
            if (policy == PolicyKind.BALLAST) {
                assertThat(run.score().zeroWhileBusySeconds()).as(scenario.name()).isZero();
            }
        }
    }

    @Test
    void theScorecardHasARowPerScenarioAndPolicy() {
        String table = Scorecard.markdown(Scorecard.runAll(42));

        assertThat(table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| scenario")))
                .hasSize(Scenarios.all().size() * PolicyKind.values().length);
    }
}
