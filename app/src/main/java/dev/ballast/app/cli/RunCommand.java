package dev.ballast.app.cli;

import dev.ballast.app.BallastApp;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.config.AppConfigLoader;
import dev.ballast.app.observe.LogFormat;
import dev.ballast.app.wiring.BallastComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs Ballast until SIGTERM (or Ctrl-C), then stops cleanly. */
@Command(name = "run", description = "Run the autoscaler.", mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The YAML config file.")
    Path config;

    @Option(names = "--dry-run", description = "Decide and report everything, change nothing.")
    boolean dryRun;

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            defaultValue = "${env:BALLAST_LOG_FORMAT:-text}",
            description =
                    "Log lines on standard error as text or json (default: ${DEFAULT-VALUE};"
                            + " also set by BALLAST_LOG_FORMAT).")
    LogFormat logFormat;

    @Override
    public Integer call() throws InterruptedException {
        logFormat.apply();
        AppConfig loaded = AppConfigLoader.load(config).withDryRun(dryRun);
        BallastApp app =
                BallastComponent.builder().config(loaded).clock(Clock.systemUTC()).build().app();
        AppConfigLoader.rejectUnknownKeys(loaded);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    app.close();
                                    stopped.countDown();
                                    System.out.flush();
                                    System.err.flush();
                                    // A stop asked for is a success: exit 0, not the JVM's
                                    // 143 for SIGTERM.
                                    Runtime.getRuntime().halt(BallastCommand.OK);
                                },
                                "ballast-shutdown"));
        app.start();
        stopped.await();
        return BallastCommand.OK;
    }
}
