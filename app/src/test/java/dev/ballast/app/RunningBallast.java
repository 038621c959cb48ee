package dev.ballast.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.app.config.AppConfig;
import dev.ballast.app.config.AppConfigLoader;
import dev.ballast.app.local.MemoryActuator;
import dev.ballast.app.wiring.BallastComponent;
import dev.ballast.core.model.TargetRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A Ballast app built by Dagger from YAML, started, with its decision log in a file. */
final class RunningBallast implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final BallastApp app;
    final Path decisions;

    private RunningBallast(BallastApp app, Path decisions) {
        this.app = app;
        this.decisions = decisions;
    }

    /**
     * Builds and starts the app from {@code yaml}, with {@code decisions.file} set to a file in
     * {@code dir}.
     */
    static RunningBallast start(String yaml, Path dir) {
        Path decisions = dir.resolve("decisions.jsonl");
        String full = yaml + "\ndecisions:\n  file: \"" + decisions + "\"\n";
        AppConfig config = AppConfigLoader.parse(full, "test config");
        BallastApp app =
                BallastComponent.builder().config(config).clock(Clock.systemUTC()).build().app();
        AppConfigLoader.rejectUnknownKeys(config);
        app.start();
        return new RunningBallast(app, decisions);
    }

    int replicas(TargetRef ref) {
        return ((MemoryActuator) app.actuator()).replicas(ref).orElseThrow();
    }

    /** Every decision logged so far for {@code target} ("namespace/name"). */
    List<JsonNode> decisionsOf(String target) {
        List<JsonNode> all = new ArrayList<>();
        try {
            if (!Files.exists(decisions)) {
                return all;
            }
            for (String line : Files.readAllLines(decisions)) {
                if (!line.isBlank()) {
                    all.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.stream()
                .filter(n -> n.get("target").asText().equals(target))
                .collect(Collectors.toList());
    }

    List<String> reasonsOf(String target) {
        return decisionsOf(target).stream()
                .map(n -> n.get("reason").asText())
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        app.close();
    }
}
