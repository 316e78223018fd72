package dev.keyward.servlet;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Captures keyward's log lines at TRACE ({@code dev.keyward.*}), and everything else at the
 * configured level: {@code System.Logger} (through java.util.logging, where the JDK sends it by
 * default) and SLF4J (through Logback), formatted with arguments and stack traces. The test's own
 * HTTP client is not keyward's to keep quiet, so the JDK's internal debug loggers stay at their
 * defaults.
 */
final class LogCapture implements AutoCloseable {
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
  private final java.util.logging.Logger julKeyward =
      java.util.logging.Logger.getLogger("dev.keyward");
  private final java.util.logging.Level julLevel = julKeyward.getLevel();
  private final Handler handler;
  private final AppenderBase<ILoggingEvent> appender;
  private final Logger logbackRoot;
  private final Logger logbackKeyward;
  private final Level logbackLevel;

  LogCapture() {
    handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            lines.add(
                r.getLoggerName()
                    + " "
                    + r.getLevel()
                    + " "
                    + new java.util.logging.SimpleFormatter().formatMessage(r)
                    + (r.getThrown() == null ? "" : " " + stackTrace(r.getThrown())));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(java.util.logging.Level.ALL);
    julKeyward.setLevel(java.util.logging.Level.ALL);
    julRoot.addHandler(handler);

    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    logbackRoot = context.getLogger(Logger.ROOT_LOGGER_NAME);
    logbackKeyward = context.getLogger("dev.keyward");
    logbackLevel = logbackKeyward.getLevel();
    logbackKeyward.setLevel(Level.TRACE);
    appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent e) {
            lines.add(
                e.getLoggerName()
                    + " "
                    + e.getLevel()
                    + " "
                    + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : " " + e.getThrowableProxy().getMessage()));
          }
        };
    appender.setContext(logbackRoot.getLoggerContext());
    appender.start();
    logbackRoot.addAppender(appender);
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  String all() {
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    julRoot.removeHandler(handler);
    julKeyward.setLevel(julLevel);
    logbackRoot.detachAppender(appender);
    logbackKeyward.setLevel(logbackLevel);
  }
}
