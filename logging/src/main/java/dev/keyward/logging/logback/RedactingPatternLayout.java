package dev.keyward.logging.logback;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.keyward.redact.Redactor;

/**
 * A {@link PatternLayout} whose whole output is redacted, so the formatted message and its
 * arguments, {@code %X} MDC values and the throwable (including the {@code %ex} that Logback adds
 * on its own) never show more than a key's start.
 *
 * <p>Prefer {@link RedactingPatternLayoutEncoder} in {@code logback.xml}.
 */
public class RedactingPatternLayout extends PatternLayout {
  private final RedactorSettings settings = new RedactorSettings();
  private Redactor redactor = Redactor.defaults();

  /**
   * Adds API key prefixes to mask besides {@code unkey_}, comma-separated ({@code
   * <prefix>sk_live</prefix>}).
   */
  public void addPrefix(String prefixes) {
    settings.addPrefixes(prefixes);
  }

  /** Adds secret-bearing JSON field names, comma-separated ({@code <field>apiKey</field>}). */
  public void addField(String fields) {
    settings.addFields(fields);
  }

  /** Uses this redactor instead of one built from the configured prefixes and fields. */
  public void setRedactor(Redactor redactor) {
    this.redactor = java.util.Objects.requireNonNull(redactor, "redactor == null");
  }

  /** The redactor in use. */
  public Redactor redactor() {
    return redactor;
  }

  @Override
  public void start() {
    try {
      if (redactor == Redactor.defaults()) {
        redactor = settings.build();
      }
    } catch (IllegalArgumentException e) {
      addError("keyward: invalid redaction settings: " + e.getMessage());
      return;
    }
    super.start();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    return redactor.redact(super.doLayout(event));
  }
}
