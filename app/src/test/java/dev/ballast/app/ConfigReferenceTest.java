package dev.ballast.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.config.ConfigReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is exactly what the code declares. */
class ConfigReferenceTest {

    static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void theReferenceMatchesTheCode() throws Exception {
        String expected = ConfigReference.markdown();
        if (Boolean.getBoolean("ballast.writeDocs")) {
            Files.writeString(DOC, expected);
        }

        assertThat(Files.readString(DOC))
                .as("docs/configuration.md is stale: regenerate it with -Dballast.writeDocs=true")
                .isEqualTo(expected);
        assertThat(expected)
                .contains(
                        "`interval`",
                        "`source.daemon.urlTemplate`",
                        "`actuator.kubernetes.leaderElection.leaseDuration`",
                        "`resilience.circuitBreaker.openFor`",
                        "`discovery.kubernetes.namespaces`");
    }
}
