package dev.ballast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps docs/reasons.md in step with {@link Reason}, so that the reference cannot drift. */
class ReasonDocsTest {

    static final Path DOC = Path.of("..", "docs", "reasons.md");

    @Test
    void everyReasonIsDocumentedWithItsActionAndDescription() throws IOException {
        List<String> rows =
                Files.readAllLines(DOC).stream()
                        .filter(line -> line.startsWith("| `"))
                        .collect(Collectors.toList());

        List<String> expected =
                Arrays.stream(Reason.values())
                        .map(
                                r ->
                                        "| `"
                                                + r.name()
                                                + "` | "
                                                + (r.action() == null
                                                        ? "up or down"
                                                        : r.action().wireName())
                                                + " | "
                                                + r.description()
                                                + " |")
                        .collect(Collectors.toList());
        assertThat(rows).containsExactlyElementsOf(expected);
    }
}
