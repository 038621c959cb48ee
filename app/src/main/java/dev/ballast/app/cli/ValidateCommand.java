package dev.ballast.app.cli;

import dev.ballast.app.BallastApp;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.config.AppConfigLoader;
import dev.ballast.app.wiring.BallastComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks a config file completely (providers included) without starting anything. */
@Command(
        name = "validate",
        description = "Check a config file without running.",
        mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The YAML config file.")
    Path config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        AppConfig loaded = AppConfigLoader.load(config);
        try (BallastApp app =
                BallastComponent.builder().config(loaded).clock(Clock.systemUTC()).build().app()) {
            AppConfigLoader.rejectUnknownKeys(loaded);
        }
        spec.commandLine().getOut().println(config + ": valid");
        return BallastCommand.OK;
    }
}
