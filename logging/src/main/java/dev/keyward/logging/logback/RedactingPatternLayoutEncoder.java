package dev.keyward.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;
import dev.keyward.redact.Redactor;

/**
 * A drop-in replacement for Logback's {@code PatternLayoutEncoder} that redacts everything it
 * writes with a {@link RedactingPatternLayout}.
 *
 * <pre>{@code
 * <encoder class="dev.keyward.logging.logback.RedactingPatternLayoutEncoder">
 *   <pattern>%d %level %logger %msg%n%ex</pattern>
 *   <prefix>sk_live</prefix>   <!-- optional, repeatable -->
 * </encoder>
 * }</pre>
 */
public class RedactingPatternLayoutEncoder extends PatternLayoutEncoderBase<ILoggingEvent> {
  private final RedactingPatternLayout redactingLayout = new RedactingPatternLayout();

  /** Adds API key prefixes to mask besides {@code unkey_}, comma-separated. */
  public void addPrefix(String prefixes) {
    redactingLayout.addPrefix(prefixes);
  }

  /** Adds secret-bearing JSON field names, comma-separated. */
  public void addField(String fields) {
    redactingLayout.addField(fields);
  }

  /** Uses this redactor instead of one built from the configured prefixes and fields. */
  public void setRedactor(Redactor redactor) {
    redactingLayout.setRedactor(redactor);
  }

  @Override
  public void start() {
    redactingLayout.setContext(context);
    redactingLayout.setPattern(getPattern());
    redactingLayout.setOutputPatternAsHeader(outputPatternAsHeader);
    redactingLayout.start();
    if (!redactingLayout.isStarted()) {
      return;
    }
    this.layout = redactingLayout;
    super.start();
  }
}
