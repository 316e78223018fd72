package dev.keyward.examples.readme;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the SLF4J logger the README's snippets call {@code log}: it keeps each message with
 * its {@code {}} placeholders filled, so tests can assert what a snippet reported.
 */
final class RecordingLog {
  private final List<String> lines = new ArrayList<>();

  void info(String format, Object... args) {
    add("INFO", format, args);
  }

  void warn(String format, Object... args) {
    add("WARN", format, args);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  private synchronized void add(String level, String format, Object... args) {
    StringBuilder b = new StringBuilder(level).append(' ');
    int from = 0;
    for (Object arg : args) {
      int at = format.indexOf("{}", from);
      if (at < 0) {
        break;
      }
      b.append(format, from, at).append(arg);
      from = at + 2;
    }
    lines.add(b.append(format.substring(from)).toString());
  }
}
