package dev.ballast.app.cli;

import dev.ballast.app.demo.DemoChart;
import dev.ballast.app.demo.DemoRun;
import dev.ballast.sim.Scenario;
import dev.ballast.sim.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The embedded demo: no cluster, no arguments. */
@Command(
        name = "demo",
        description =
                "Watch Ballast scale a simulated MonoVertex through its real path (daemon over"
                        + " HTTPS, resilience, policy, memory actuator) in accelerated time, then"
                        + " compare policies.",
        mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--scenario",
            defaultValue = "daemon-restart",
            description =
                    "Scenario to run (default: ${DEFAULT-VALUE}); one of: daemon-restart, steady,"
                            + " ramp-up, burst, diurnal, idle-then-burst, daemon-outage-ramp,"
                            + " scrape-failures, pending-unavailable.")
    String scenario;

    @Option(
            names = "--chart",
            defaultValue = "ballast-demo.png",
            description = "PNG chart to write (default: ${DEFAULT-VALUE}).")
    Path chart;

    @Option(
            names = "--out",
            defaultValue = "ballast-demo-scorecard.md",
            description = "Markdown scorecard to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--speed",
            defaultValue = "80",
            description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the workload's jitter (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario chosen =
                Scenarios.named(scenario)
                        .orElseThrow(
                                () ->
                                        new CommandLine.ParameterException(
                                                spec.commandLine(),
                                                "--scenario '"
                                                        + scenario
                                                        + "' is not valid; expected one of "
                                                        + Scenarios.all().stream()
                                                                .map(Scenario::name)
                                                                .collect(
                                                                        Collectors.joining(", "))));
        if (!(speed > 0 && speed <= 1000)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--speed '"
                            + speed
                            + "' is not valid; expected a number above 0 and at most 1000");
        }
        var console = spec.commandLine().getOut();
        DemoRun.Result result = DemoRun.run(chosen, speed, seed, console);
        String card = DemoRun.scorecardOf(result);
        console.println();
        console.print(card);
        DemoChart.write(
                result.live().points(),
                result.simulated().get(result.simulated().size() - 1),
                chosen.name(),
                chart);
        Files.writeString(
                out,
                "# Ballast demo: " + chosen.name() + "\n\n" + chosen.description() + "\n\n" + card);
        console.println(
                "chart: " + chart.toAbsolutePath() + "   scorecard: " + out.toAbsolutePath());
        return BallastCommand.OK;
    }
}
