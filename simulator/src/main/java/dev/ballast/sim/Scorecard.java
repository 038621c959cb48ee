package dev.ballast.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every scenario under every policy, as a markdown table. */
public final class Scorecard {

    private Scorecard() {}

    /** Runs every scenario under every policy with {@code seed}. */
    public static List<Simulation.Run> runAll(long seed) {
        List<Simulation.Run> runs = new ArrayList<>();
        for (Scenario scenario : Scenarios.all()) {
            for (PolicyKind policy : PolicyKind.values()) {
                runs.add(Simulation.run(scenario, policy, seed));
            }
        }
        return runs;
    }

    /** The table. */
    public static String markdown(List<Simulation.Run> runs) {
        StringBuilder out = new StringBuilder();
        out.append(
                "| scenario | policy | zero while busy (s) | at zero while arriving (s) | backlog >"
                    + " threshold (s) | peak backlog | cost / oracle | changes | reversals |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Simulation.Run run : runs) {
            out.append(line(run)).append('\n');
        }
        return out.toString();
    }

    /** One row. */
    public static String line(Simulation.Run run) {
        Score s = run.score();
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.0f | %.0f | %.0f | %,.0f | %.2f | %d | %d |",
                run.scenario().name(),
                run.policy().label(),
                s.zeroWhileBusySeconds(),
                s.zeroWhileArrivingSeconds(),
                s.backlogAboveSeconds(),
                s.peakBacklog(),
                s.costRatio(),
                s.changes(),
                s.reversals());
    }
}
