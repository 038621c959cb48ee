package dev.ballast.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An emulated daemon ({@link LoopbackDaemon} or {@link NettyDaemon}) in its own process, so that
 * its work and allocations are not counted against the client under test. Its line {@code PORT <n>
 * <description>} says where it listens; its other output is copied to stderr, since an undrained
 * pipe would fill and stall it on its next log line.
 */
final class StandIn implements AutoCloseable {

    final int port;
    final String description;
    private final Process process;

    private StandIn(Process process, int port, String description) {
        this.process = process;
        this.port = port;
        this.description = description;
    }

    /**
     * Starts {@code main} with {@code args}, the JVM taking {@code jvmOptions}, and waits until it
     * listens.
     */
    static StandIn start(Class<?> main, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        for (int skipped = 0;
                line != null && !line.startsWith("PORT ") && skipped < 100;
                skipped++) {
            System.err.println("[stand-in] " + line); // a log line before it listens
            line = output.readLine();
        }
        if (line == null || !line.startsWith("PORT ")) {
            process.destroy();
            throw new IllegalStateException(main.getSimpleName() + " did not start: " + line);
        }
        drain(output);
        String[] rest = line.substring(5).trim().split(" ", 2);
        return new StandIn(process, Integer.parseInt(rest[0]), rest.length > 1 ? rest[1] : "");
    }

    private static void drain(BufferedReader output) {
        Thread drainer =
                new Thread(
                        () -> {
                            try {
                                for (String line; (line = output.readLine()) != null; ) {
                                    System.err.println("[stand-in] " + line);
                                }
                            } catch (IOException e) {
                                // the stand-in has gone: nothing more to copy
                            }
                        },
                        "stand-in-output");
        drainer.setDaemon(true);
        drainer.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
