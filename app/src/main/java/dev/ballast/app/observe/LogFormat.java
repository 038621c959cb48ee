package dev.ballast.app.observe;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * How the app's log lines (standard error) are written: {@code TEXT}, as {@code logback.xml} sets
 * them up, or {@code JSON}, one object per line with {@code timestamp} (epoch ms), {@code level},
 * {@code threadName}, {@code loggerName}, {@code mdc} (with {@code target} on lines about one
 * MonoVertex), {@code formattedMessage} and {@code throwable}.
 */
public enum LogFormat {
    TEXT,
    JSON;

    /** The appender of {@code logback.xml} that writes to standard error. */
    static final String APPENDER = "STDERR";

    private static volatile LogFormat active = TEXT;
    private static Encoder<ILoggingEvent> configured;

    /** The format in use. */
    public static LogFormat active() {
        return active;
    }

    /**
     * Sends {@code java.util.logging} (OkHttp's logging) to SLF4J, so that its lines are written in
     * the same format and filtered by the same levels as every other line.
     */
    public static void bridgeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /** Makes the standard-error appender write this format. */
    public void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return; // another SLF4J backend is not ours to change
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> appender =
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (!(appender instanceof OutputStreamAppender)) {
            throw new IllegalStateException(
                    "log format " + this + ": logback has no " + APPENDER + " appender to change");
        }
        OutputStreamAppender<ILoggingEvent> out = (OutputStreamAppender<ILoggingEvent>) appender;
        synchronized (LogFormat.class) {
            if (configured == null) {
                configured = out.getEncoder();
            }
            Encoder<ILoggingEvent> encoder = this == JSON ? json(context) : configured;
            if (out.getEncoder() != encoder) {
                out.stop();
                out.setEncoder(encoder);
                out.start();
            }
            active = this;
        }
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        return json;
    }
}
