package dev.keyward.canary;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Binds every Logback logger at TRACE into memory (SLF4J, formatted with MDC, key-value pairs and
 * full stack traces), also catches {@code java.util.logging} (OkHttp's own logger) and {@code
 * System.out/err}, and restores everything on {@link #close()}. Programmatic and scoped to a suite,
 * so the rest of the module keeps its logging configuration.
 */
final class LogCapture implements AutoCloseable {
  private static final String PATTERN =
      "%d{HH:mm:ss.SSS} %level [%thread] %logger %mdc %kvp %msg%n%ex{full}";

  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
  private final LoggerContext context;
  private final Logger root;
  private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
  private final Map<Logger, Level> levels = new HashMap<>();
  private final AppenderBase<ILoggingEvent> appender;
  private final Handler julHandler;
  private final java.util.logging.Level julLevel;
  private final PrintStream out;
  private final PrintStream err;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private long events;

  private LogCapture() {
    context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    for (Logger l : context.getLoggerList()) {
      levels.put(l, l.getLevel());
      if (l != root) {
        l.setLevel(null); // inherit TRACE from the root
      }
    }
    root.setLevel(Level.TRACE);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      detached.add(it.next());
    }
    detached.forEach(a -> root.detachAppender(a));

    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern(PATTERN);
    layout.start();
    appender =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            events++;
            lines.add(layout.doLayout(event));
          }
        };
    appender.setContext(context);
    appender.setName("canary-capture");
    appender.start();
    root.addAppender(appender);

    java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
    julLevel = julRoot.getLevel();
    julHandler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            StringBuilder b =
                new StringBuilder("JUL ")
                    .append(r.getLevel())
                    .append(' ')
                    .append(r.getLoggerName())
                    .append(' ')
                    .append(r.getMessage());
            if (r.getParameters() != null) {
              for (Object p : r.getParameters()) {
                b.append(" | ").append(p);
              }
            }
            if (r.getThrown() != null) {
              java.io.StringWriter w = new java.io.StringWriter();
              r.getThrown().printStackTrace(new java.io.PrintWriter(w, true));
              b.append('\n').append(w);
            }
            lines.add(b.toString());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    julHandler.setLevel(java.util.logging.Level.ALL);
    julRoot.addHandler(julHandler);
    julRoot.setLevel(java.util.logging.Level.ALL);

    out = System.out;
    err = System.err;
    System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
  }

  /** Starts capturing. */
  static LogCapture start() {
    return new LogCapture();
  }

  private OutputStream tee(PrintStream original) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (console) {
          console.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (console) {
          console.write(b, off, len);
        }
        original.write(b, off, len);
      }
    };
  }

  /** The lines captured since the last drain (log events, JUL records, console output), removed. */
  List<String> drain() {
    List<String> out = new ArrayList<>();
    for (String s; (s = lines.poll()) != null; ) {
      out.add(s);
    }
    synchronized (console) {
      if (console.size() > 0) {
        out.add("CONSOLE " + console.toString(StandardCharsets.UTF_8));
        console.reset();
      }
    }
    return out;
  }

  /** How many SLF4J events were captured in all. */
  long events() {
    return events;
  }

  /** Whether SLF4J is bound to Logback at TRACE (the precondition of the whole suite). */
  boolean traceOn(String loggerName) {
    return LoggerFactory.getLogger(loggerName).isTraceEnabled();
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
    java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
    julRoot.removeHandler(julHandler);
    julRoot.setLevel(julLevel);
    root.detachAppender(appender);
    appender.stop();
    detached.forEach(root::addAppender);
    for (Logger l : context.getLoggerList()) {
      l.setLevel(levels.get(l)); // loggers created meanwhile go back to inheriting
    }
  }
}
