package dev.ballast.app.cli;

import dev.ballast.sim.Scorecard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Every scenario under every policy, in simulated time. */
@Command(
        name = "scorecard",
        description =
                "Run every scenario under every policy (simulated time) and print the scorecard.",
        mixinStandardHelpOptions = true)
public final class ScorecardCommand implements Callable<Integer> {

    @Option(
            names = "--out",
            defaultValue = "ballast-scorecard.md",
            description = "Markdown file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the workloads' jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String table = Scorecard.markdown(Scorecard.runAll(seed));
        spec.commandLine().getOut().print(table);
        Files.writeString(out, "# Ballast scorecard (seed " + seed + ")\n\n" + table);
        spec.commandLine().getOut().println("written: " + out.toAbsolutePath());
        return BallastCommand.OK;
    }
}
