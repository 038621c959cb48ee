package dev.ballast.sim;

import dev.ballast.core.model.ScaleSpec;
import java.util.List;
import java.util.Optional;

/** The scenario library. Each replica works off 100 messages per second and needs 20 s to start. */
public final class Scenarios {

    private Scenarios() {}

    static final double CAPACITY = 100;
    static final double STARTUP = 20;
    static final ScaleSpec SPEC = ScaleSpec.builder().min(0).max(20).build();

    private static Scenario scenario(
            String name,
            String description,
            Workload workload,
            double minutes,
            int replicas,
            List<Fault> faults) {
        return new Scenario(
                name,
                description,
                workload,
                minutes * 60,
                replicas,
                CAPACITY,
                STARTUP,
                SPEC,
                faults,
                20_000);
    }

    /** Every scenario, in scorecard order. */
    public static List<Scenario> all() {
        return List.of(
                scenario(
                        "steady", "800 msg/s throughout", Workload.constant(800), 30, 2, List.of()),
                scenario(
                        "ramp-up",
                        "100 to 1,500 msg/s over 20 minutes",
                        Workload.ramp(100, 1500, 300, 1500),
                        30,
                        2,
                        List.of()),
                scenario(
                        "burst",
                        "200 msg/s with 2-minute bursts of 1,500 every 10 minutes",
                        Workload.bursts(200, 1500, 600, 120),
                        30,
                        2,
                        List.of()),
                scenario(
                        "diurnal",
                        "a day in 30 minutes: 600 +/- 500 msg/s",
                        Workload.diurnal(600, 500, 1800),
                        30,
                        6,
                        List.of()),
                scenario(
                        "idle-then-burst",
                        "nothing for 10 minutes, then 800 msg/s",
                        Workload.idleThenBurst(600, 800),
                        25,
                        2,
                        List.of()),
                scenario(
                        "daemon-restart",
                        "80 msg/s kept up with (pending 0); the daemon crash-loops for 5 minutes",
                        Workload.constant(80),
                        20,
                        4,
                        List.of(new Fault(Fault.Kind.DAEMON_RESTART, 300, 600))),
                scenario(
                        "daemon-outage-ramp",
                        "100 to 1,200 msg/s; the daemon is unreachable for 5 minutes mid-ramp",
                        Workload.ramp(100, 1200, 120, 1320),
                        25,
                        2,
                        List.of(new Fault(Fault.Kind.DAEMON_UNREACHABLE, 480, 780))),
                scenario(
                        "scrape-failures",
                        "600 msg/s; the rater's scrapes fail now and then (over-count after each)",
                        Workload.constant(600),
                        25,
                        6,
                        List.of(
                                new Fault(Fault.Kind.SCRAPE_FAILURES, 300, 315),
                                new Fault(Fault.Kind.SCRAPE_FAILURES, 600, 620),
                                new Fault(Fault.Kind.SCRAPE_FAILURES, 900, 915))),
                scenario(
                        "pending-unavailable",
                        "500 msg/s; the source cannot tell pending for 5 minutes (-1)",
                        Workload.constant(500),
                        20,
                        5,
                        List.of(new Fault(Fault.Kind.PENDING_UNAVAILABLE, 300, 600))));
    }

    /** The scenario named {@code name}. */
    public static Optional<Scenario> named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
