package dev.ballast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.app.cli.BallastCommand;
import dev.ballast.core.model.TargetRef;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CLI's contract: commands, exit codes, and config errors that name the key. */
class CommandLineTest {

    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                BallastCommand.execute(
                        new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("config-" + System.nanoTime() + ".yaml"), yaml);
    }

    static final String GOOD =
            String.join(
                    "\n",
                    "interval: 5s",
                    "server: {port: -1}",
                    "decisions: {file: \"\"}",
                    "source: {type: fixed, fixed: {rate: 12.5, pending: 40}}",
                    "discovery:",
                    "  type: static",
                    "  static:",
                    "    - {namespace: prod, name: orders, replicas: 2, scale: {min: 1, max: 4}}",
                    "actuator: {type: memory}",
                    "");

    @Test
    void helpAndVersion() {
        Result help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("run", "validate", "demo");
        Result version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).contains("Ballast");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void validateAcceptsAGoodFileWithAThirdPartySource() throws Exception {
        Result r = run("validate", "--config", file(GOOD).toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("valid");
    }

    @Test
    void theThirdPartySourceDrivesDecisions() throws Exception {
        try (RunningBallast ballast =
                RunningBallast.start(
                        GOOD.replace("interval: 5s", "interval: 1s")
                                .replace("decisions: {file: \"\"}", ""),
                        dir)) {
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> !ballast.decisionsOf("prod/orders").isEmpty());

            assertThat(ballast.decisionsOf("prod/orders").get(0).get("rate").asDouble())
                    .isEqualTo(12.5);
            assertThat(ballast.decisionsOf("prod/orders").get(0).get("pending").asInt())
                    .isEqualTo(40);
            assertThat(ballast.replicas(TargetRef.monoVertex("prod", "orders"))).isBetween(1, 4);
        }
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(
                        GOOD.replace("interval: 5s", "interval: 5 seconds"),
                        "interval: '5 seconds' is not valid; expected a duration such as 500ms, 5s,"
                                + " 2m or 1h"),
                Arguments.of(
                        GOOD.replace("interval: 5s", "interval: 5s\nintervall: 6s"),
                        "intervall: unknown key"),
                Arguments.of(
                        GOOD.replace("type: memory", "type: memroy"),
                        "actuator.type: 'memroy' is not valid; expected one of kubernetes, memory"),
                Arguments.of(
                        GOOD.replace("type: fixed, fixed", "type: graphite, fixed"),
                        "source.type: 'graphite' is not valid; expected one of daemon, fixed,"
                                + " prometheus"),
                Arguments.of(
                        GOOD.replace("max: 4", "max: 0"),
                        "discovery.static[0].scale: scale.min=1 is greater than scale.max=0"),
                Arguments.of(
                        GOOD.replace("name: orders,", "nme: orders,"),
                        "discovery.static[0].name: is required"),
                Arguments.of(
                        GOOD.replace("rate: 12.5", "rate: fast"),
                        "source.fixed.rate: 'fast' is not valid"),
                Arguments.of(
                        GOOD.replace("rate: 12.5", "rate: 12.5, burst: 3"),
                        "source.fixed.burst: unknown key"),
                Arguments.of(
                        GOOD.replace("{port: -1}", "{port: 70000}"),
                        "server.port: '70000' is not valid"),
                Arguments.of("interval: [", "is not valid YAML"),
                Arguments.of("- a\n- b\n", "must hold a YAML mapping at the top"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badFiles")
    void aBadFileExitsWith2NamingTheKey(String yaml, String message) throws Exception {
        Path config = file(yaml);

        Result validate = run("validate", "--config", config.toString());
        Result run = run("run", "--config", config.toString());

        assertThat(validate.code()).isEqualTo(2);
        assertThat(validate.err()).contains("configuration error").contains(message);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void anUnknownLogFormatExitsWith2NamingTheOptionAndTheChoices() throws Exception {
        Result r = run("run", "--config", file(GOOD).toString(), "--log-format", "yaml");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--log-format").contains("'yaml'").contains("TEXT, JSON");
    }

    @Test
    void aMissingFileIsAConfigError() {
        Result r = run("validate", "--config", dir.resolve("nope.yaml").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist");
    }

    @Test
    void theDemoRunsTheRealPathAndWritesAChartAndAScorecard() throws Exception {
        Path chart = dir.resolve("demo.png");
        Path card = dir.resolve("demo.md");

        Result r =
                run(
                        "demo",
                        "--speed",
                        "400",
                        "--chart",
                        chart.toString(),
                        "--out",
                        card.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Ballast demo: daemon-restart")
                .contains("RATE_UNKNOWN")
                .contains("| daemon-restart | Ballast (live, real app path) | 0 | 0 |")
                .contains("| daemon-restart | Numaflow pre-fix |");
        assertThat(Files.size(chart)).isGreaterThan(10_000);
        assertThat(Files.readAllBytes(chart)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(Files.readString(card)).contains("Numaflow pre-fix");
    }

    @Test
    void anUnknownScenarioIsAUsageError() {
        Result r = run("demo", "--scenario", "earthquake");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("--scenario 'earthquake' is not valid; expected one of steady, ramp-up");
    }

    @Test
    void aDemoSpeedOfZeroIsAUsageError() {
        Result r = run("demo", "--speed", "0");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--speed '0.0' is not valid");
    }

    @Test
    void aDecisionLogThatCannotBeOpenedIsAConfigError() throws Exception {
        Path config =
                file(
                        GOOD.replace(
                                "decisions: {file: \"\"}",
                                "decisions: {file: \"/nonexistent/dir/d.jsonl\"}"));

        Result r = run("validate", "--config", config.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "decisions.file: '/nonexistent/dir/d.jsonl' cannot be opened for writing");
    }

    @Test
    void theScorecardCoversEveryScenarioAndPolicy() throws Exception {
        Path card = dir.resolve("scorecard.md");

        Result r = run("scorecard", "--out", card.toString());

        assertThat(r.code()).isZero();
        assertThat(Files.readString(card))
                .contains("| scrape-failures | Numaflow 1.8 |")
                .contains("| daemon-restart | Ballast |");
    }
}
