package dev.ballast.k8s;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** The log events of one class's logger, captured while open. */
final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** The MDC {@code target} of each event whose message contains {@code text}, in order. */
    List<String> targetsOf(String text) {
        List<ILoggingEvent> events;
        synchronized (appender) { // appends hold this lock
            events = List.copyOf(appender.list);
        }
        return events.stream()
                .filter(e -> e.getFormattedMessage().contains(text))
                .map(e -> String.valueOf(e.getMDCPropertyMap().get(TargetLogs.KEY)))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
