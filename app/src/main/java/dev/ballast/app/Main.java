package dev.ballast.app;

import dev.ballast.app.cli.BallastCommand;

/** {@code java -jar ballast.jar}: see {@link BallastCommand}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(BallastCommand.execute(args));
    }
}
