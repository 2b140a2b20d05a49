package org.pingzhi.common.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Collects the log lines written while it is open (root logger, as configured for tests). */
public final class CapturedLog implements AutoCloseable {

    /** One formatted log line, and the stack trace logged with it ("" if none). */
    public record Line(Level level, String logger, String message, String thrown) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;

    public CapturedLog() {
        appender =
                new AbstractAppender(
                        "captured-" + System.identityHashCode(this),
                        null,
                        null,
                        true,
                        Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent event) {
                        lines.add(
                                new Line(
                                        event.getLevel(),
                                        event.getLoggerName(),
                                        event.getMessage().getFormattedMessage(),
                                        stackTrace(event.getThrown())));
                    }
                };
        appender.start();
        rootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    private static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        rootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }

    private LoggerConfig rootLogger() {
        return context.getConfiguration().getRootLogger();
    }
}
