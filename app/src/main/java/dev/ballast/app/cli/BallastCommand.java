package dev.ballast.app.cli;

import dev.ballast.app.observe.LogFormat;
import dev.ballast.core.config.ConfigException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code run}, {@code validate}, {@code demo}, {@code --help}, {@code --version}.
 * Exit code 0 on success, 2 on a usage or configuration error, 1 otherwise.
 */
@Command(
        name = "ballast",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "An autoscaler for Numaflow MonoVertex objects that never reads an unknown signal"
                        + " as zero.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            DemoCommand.class,
            ScorecardCommand.class
        })
public final class BallastCommand implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a command is required: run, validate, demo or scorecard");
    }

    /**
     * Says why a command failed: on the error stream, or as a log line where the logs are JSON, so
     * that a log pipeline gets it as one more object.
     */
    private static void report(CommandLine commandLine, String message, Exception e) {
        if (LogFormat.active() == LogFormat.JSON) {
            LoggerFactory.getLogger(BallastCommand.class).error("ballast: {}", message, e);
        } else {
            commandLine.getErr().println("ballast: " + message);
        }
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return execute(
                new java.io.PrintWriter(System.out, true),
                new java.io.PrintWriter(System.err, true),
                args);
    }

    /** Runs the command line with the given output and error streams. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new BallastCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    if (e instanceof ConfigException) {
                        report(commandLine, "configuration error: " + e.getMessage(), null);
                        return USAGE;
                    }
                    report(commandLine, e.toString(), e);
                    return FAILED;
                });
        return cli.execute(args);
    }
}
