package dev.keyward.logging.logback;

import dev.keyward.redact.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * The prefixes and fields a Logback component was configured with, turned into a {@link Redactor}.
 */
final class RedactorSettings {
  private final List<String> prefixes = new ArrayList<>();
  private final List<String> fields = new ArrayList<>();

  void addPrefixes(String commaSeparated) {
    split(commaSeparated, prefixes);
  }

  void addFields(String commaSeparated) {
    split(commaSeparated, fields);
  }

  /** Returns the shared default redactor when nothing was configured. */
  Redactor build() {
    if (prefixes.isEmpty() && fields.isEmpty()) {
      return Redactor.defaults();
    }
    Redactor.Builder builder = Redactor.builder().prefixes(prefixes);
    fields.forEach(builder::field);
    return builder.build();
  }

  private static void split(String commaSeparated, List<String> into) {
    for (String part : commaSeparated.split(",", -1)) {
      String trimmed = part.trim();
      if (!trimmed.isEmpty()) {
        into.add(trimmed);
      }
    }
  }
}
