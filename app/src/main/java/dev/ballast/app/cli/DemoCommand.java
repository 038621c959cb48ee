package dev.ballast.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The embedded demo. It needs the simulator, which has not landed yet: until then the command says
 * so and exits with 1.
 */
@Command(
        name = "demo",
        description = "Run the embedded demo (needs the simulator; not available yet).",
        mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine()
                .getErr()
                .println(
                        "ballast: the demo needs the simulator, which is not part of this build"
                            + " yet; try 'ballast run --config FILE' with discovery.type: static"
                            + " and actuator.type: memory");
        return BallastCommand.FAILED;
    }
}
