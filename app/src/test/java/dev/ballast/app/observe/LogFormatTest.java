package dev.ballast.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogFormatTest {

    final PrintStream standardError = System.err;
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        LogFormat.TEXT.apply();
        System.setErr(standardError);
    }

    /** The lines the STDERR appender writes while {@code logging} runs. */
    List<String> linesOf(Runnable logging) {
        written.reset();
        System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(standardError);
        }
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void jsonWritesOneObjectPerLineWithTheTargetAndTextComesBack() throws Exception {
        Logger log = LoggerFactory.getLogger("dev.ballast.k8s.KubernetesActuator");

        LogFormat.JSON.apply();
        List<String> json =
                linesOf(
                        () -> {
                            MDC.put("target", "prod/orders");
                            try {
                                log.info("{}: spec.replicas set to {}", "prod/orders", 4);
                            } finally {
                                MDC.remove("target");
                            }
                        });
        LogFormat.TEXT.apply();
        List<String> text = linesOf(() -> log.info("back to text"));

        assertThat(json).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(json.get(0));
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("loggerName").asText())
                .isEqualTo("dev.ballast.k8s.KubernetesActuator");
        assertThat(line.path("mdc").path("target").asText()).isEqualTo("prod/orders");
        assertThat(line.path("formattedMessage").asText())
                .isEqualTo("prod/orders: spec.replicas set to 4");
        assertThat(LogFormat.active()).isEqualTo(LogFormat.TEXT);
        assertThat(text).singleElement().asString().endsWith(" - back to text");
    }

    @Test
    void javaUtilLoggingGoesThroughLogbackAndItsLevels() {
        LogFormat.bridgeJavaUtilLogging();
        ch.qos.logback.classic.Logger okhttp =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("okhttp3.OkHttpClient");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        okhttp.addAppender(captured);
        try {
            java.util.logging.Logger jul =
                    java.util.logging.Logger.getLogger("okhttp3.OkHttpClient");
            jul.log(Level.INFO, "filtered: logback.xml keeps okhttp3 at WARN");
            jul.log(Level.WARNING, "A connection to https://daemon/ was leaked");
        } finally {
            okhttp.detachAppender(captured);
        }

        assertThat(captured.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("A connection to https://daemon/ was leaked");
    }
}
