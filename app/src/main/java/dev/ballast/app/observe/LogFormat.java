package dev.ballast.app.observe;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the app's own log lines (standard error) are written: {@code TEXT}, as {@code logback.xml}
 * sets them up, or {@code JSON}, one object per line with {@code timestamp} (epoch ms), {@code
 * level}, {@code threadName}, {@code loggerName}, {@code mdc} (with {@code target} on every line
 * about one MonoVertex), {@code formattedMessage} and {@code throwable}.
 */
public enum LogFormat {
    TEXT,
    JSON;

    /** The appender of {@code logback.xml} that writes to standard error. */
    static final String APPENDER = "STDERR";

    /** Makes the standard-error appender write this format (TEXT leaves it as configured). */
    public void apply() {
        if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            return; // text is the configured default; another SLF4J backend is not ours to change
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> appender =
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (!(appender instanceof OutputStreamAppender)) {
            throw new IllegalStateException(
                    "log format " + this + ": logback has no " + APPENDER + " appender to change");
        }
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        OutputStreamAppender<ILoggingEvent> out = (OutputStreamAppender<ILoggingEvent>) appender;
        out.stop();
        out.setEncoder(json);
        out.start();
    }
}
