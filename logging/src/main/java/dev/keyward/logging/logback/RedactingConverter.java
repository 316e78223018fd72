package dev.keyward.logging.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import dev.keyward.redact.Redactor;
import java.util.List;

/**
 * The {@code %redact(…)} conversion word: redacts the output of the pattern inside the parentheses.
 * Options name extra API key prefixes: {@code %redact(%msg){sk_live, pk_test}}.
 *
 * <pre>{@code
 * <conversionRule conversionWord="redact" class="dev.keyward.logging.logback.RedactingConverter"/>
 * <pattern>%d %level %logger %redact(%msg %mdc%n%ex)</pattern>
 * }</pre>
 *
 * <p>Put the throwable ({@code %ex}) inside the parentheses; {@link RedactingPatternLayoutEncoder}
 * is simpler when the whole line should be redacted.
 */
public class RedactingConverter extends CompositeConverter<ILoggingEvent> {
  private Redactor redactor = Redactor.defaults();

  @Override
  public void start() {
    List<String> options = getOptionList();
    if (options != null && !options.isEmpty()) {
      RedactorSettings settings = new RedactorSettings();
      options.forEach(settings::addPrefixes);
      try {
        redactor = settings.build();
      } catch (IllegalArgumentException e) {
        addError("keyward: invalid %redact prefix: " + e.getMessage());
        return;
      }
    }
    super.start();
  }

  @Override
  protected String transform(ILoggingEvent event, String in) {
    return redactor.redact(in);
  }
}
