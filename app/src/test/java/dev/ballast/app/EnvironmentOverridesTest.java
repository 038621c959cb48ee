package dev.ballast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.app.config.AppConfig;
import dev.ballast.app.config.AppConfigLoader;
import dev.ballast.core.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {

    static final String YAML =
            "interval: 30s\n"
                    + "source: {type: daemon}\n"
                    + "discovery: {type: static}\n"
                    + "actuator: {type: memory}\n";

    @Test
    void environmentVariablesOverrideTheFile() {
        AppConfig config =
                AppConfigLoader.parse(
                        YAML,
                        "test",
                        Map.of(
                                "BALLAST_INTERVAL", "10s",
                                "BALLAST_DRY_RUN", "true",
                                "BALLAST_SERVER_PORT", "0",
                                "BALLAST_DECISIONS_FILE", "",
                                "UNRELATED", "x"));

        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dryRun()).isTrue();
        assertThat(config.serverPort()).isZero();
        assertThat(config.decisionsFile()).isEqualTo("-");
    }

    @Test
    void aBadOverrideNamesTheKey() {
        assertThatThrownBy(
                        () ->
                                AppConfigLoader.parse(
                                        YAML, "test", Map.of("BALLAST_INTERVAL", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("interval: 'soon' is not valid");
    }
}
