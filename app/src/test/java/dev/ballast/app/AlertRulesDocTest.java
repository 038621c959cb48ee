package dev.ballast.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.source.prometheus.PrometheusServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example alert rules in docs/operations.md are a valid Prometheus rule file, as Prometheus's
 * own {@code promtool} reads it. (That the metrics they name are exported is checked by {@link
 * EndToEndTest}.)
 */
class AlertRulesDocTest {

    static final Path DOC = Path.of("..", "docs", "operations.md");
    static final String PROMTOOL = "/usr/bin/promtool";

    /** The first {@code yaml} block that starts with {@code groups:}. */
    static String rules() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("```yaml\ngroups:");
        assertThat(start).as("an alert-rules block in " + DOC).isNotNegative();
        start += "```yaml\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void theDocumentedAlertRulesPassPromtool(@TempDir Path dir) throws Exception {
        PrometheusServer.requireTool(PROMTOOL);
        Path file = dir.resolve("ballast-rules.yaml");
        Files.writeString(file, rules());

        Process check =
                new ProcessBuilder(PROMTOOL, "check", "rules", file.toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }
}
