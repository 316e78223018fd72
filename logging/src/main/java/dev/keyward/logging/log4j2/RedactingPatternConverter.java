package dev.keyward.logging.log4j2;

import dev.keyward.redact.Redactor;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;
import org.apache.logging.log4j.core.pattern.PatternParser;
import org.apache.logging.log4j.status.StatusLogger;
import org.jspecify.annotations.Nullable;

/**
 * The {@code %redact{pattern}} pattern converter, with optional extra API key prefixes {@code
 * %redact{pattern}{sk_live,pk_test}}: redacts the output of the inner pattern. A throwable is
 * always written inside it (Log4j's {@code %xEx} is appended when the inner pattern has none), so
 * no unredacted stack trace is added after it.
 */
@Plugin(name = "RedactingPatternConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"redact"})
public final class RedactingPatternConverter extends LogEventPatternConverter {
  private final List<PatternFormatter> formatters;
  private final Redactor redactor;

  private RedactingPatternConverter(List<PatternFormatter> formatters, Redactor redactor) {
    super("redact", "redact");
    this.formatters = List.copyOf(formatters);
    this.redactor = redactor;
  }

  /**
   * Creates the converter from its options: the inner pattern and optional comma-separated
   * prefixes.
   */
  public static @Nullable RedactingPatternConverter newInstance(
      Configuration config, String @Nullable [] options) {
    if (options == null || options.length == 0 || options[0] == null) {
      StatusLogger.getLogger().error("keyward: %redact needs a pattern: %redact{%m%n%ex}");
      return null;
    }
    try {
      PatternParser parser = PatternLayout.createPatternParser(config);
      List<PatternFormatter> formatters = parser.parse(options[0], true, false, false);
      return new RedactingPatternConverter(
          formatters, RedactorAttributes.from(options.length > 1 ? options[1] : null, null));
    } catch (IllegalArgumentException e) {
      StatusLogger.getLogger().error("keyward: invalid %redact prefixes: {}", e.getMessage());
      return null;
    }
  }

  @Override
  public void format(LogEvent event, StringBuilder toAppendTo) {
    int start = toAppendTo.length();
    for (PatternFormatter formatter : formatters) {
      formatter.format(event, toAppendTo);
    }
    redactor.redactInPlace(toAppendTo, start);
  }

  @Override
  public boolean handlesThrowable() {
    for (PatternFormatter formatter : formatters) {
      if (formatter.handlesThrowable()) {
        return true;
      }
    }
    return false;
  }
}
