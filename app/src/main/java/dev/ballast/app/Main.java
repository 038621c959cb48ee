package dev.ballast.app;

import dev.ballast.app.cli.BallastCommand;
import dev.ballast.app.observe.LogFormat;

/** {@code java -jar ballast.jar}: see {@link BallastCommand}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        LogFormat.bridgeJavaUtilLogging();
        System.exit(BallastCommand.execute(args));
    }
}
