package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** keyward's loggers captured at TRACE into a list (not the console) while a test runs. */
final class CapturedLogs implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger("dev.keyward");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level level;
  private final boolean additive;

  CapturedLogs() {
    level = root.getLevel();
    additive = root.isAdditive();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
    root.setAdditive(false);
  }

  /**
   * Everything logged so far, messages and stack traces; fails unless the HTTP log wrote TRACE
   * lines (a dead capture, or a client without keyward's HTTP logging, would prove nothing).
   */
  String text() {
    assertThat(appender.list)
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.TRACE);
              assertThat(e.getLoggerName()).endsWith("RedactingHttpLogger");
            });
    StringBuilder b = new StringBuilder();
    for (ILoggingEvent e : appender.list) {
      b.append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        b.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(level);
    root.setAdditive(additive);
  }
}
