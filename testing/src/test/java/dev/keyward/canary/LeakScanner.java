package dev.keyward.canary;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Looks for every known canary in captured text and keeps the tally: artefacts scanned by kind and
 * the leaks found. Thread-safe; canaries may be added while a run goes on (keys a server issues).
 */
final class LeakScanner {
  private final List<Canary> canaries = new CopyOnWriteArrayList<>();
  private final List<Leak> leaks = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicLong> scanned = new TreeMap<>();
  private final AtomicLong chars = new AtomicLong();

  LeakScanner add(Canary canary) {
    for (Canary c : canaries) {
      if (c.value().equals(canary.value())) {
        return this;
      }
    }
    canaries.add(canary);
    return this;
  }

  List<Canary> canaries() {
    return List.copyOf(canaries);
  }

  /** Scans {@code text}; {@code kind} groups the tally (log, exception, toString, file...). */
  List<Leak> scan(String kind, String artefact, @Nullable CharSequence text) {
    synchronized (scanned) {
      scanned.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }
    if (text == null) {
      return List.of();
    }
    String s = text.toString();
    chars.addAndGet(s.length());
    List<Leak> found = new ArrayList<>();
    for (Canary c : canaries) {
      Leak leak = find(kind + " " + artefact, c, s, canaries);
      if (leak != null) {
        found.add(leak);
      }
    }
    leaks.addAll(found);
    return found;
  }

  /**
   * The most telling needle of {@code c} in {@code s}: the whole key, else its hidden part, else a
   * fragment.
   */
  private static @Nullable Leak find(String artefact, Canary c, String s, List<Canary> all) {
    int i = s.indexOf(c.value());
    if (i >= 0) {
      return new Leak(artefact, c.label(), "whole key", i, context(s, i, c, all));
    }
    i = s.indexOf(c.tail());
    if (i >= 0) {
      return new Leak(artefact, c.label(), "part after start", i, context(s, i, c, all));
    }
    for (String f : c.fragments()) {
      i = s.indexOf(f);
      if (i >= 0) {
        return new Leak(
            artefact, c.label(), Canary.FRAGMENT + "-char fragment", i, context(s, i, c, all));
      }
    }
    return null;
  }

  /**
   * Up to 60 characters around the hit, with every canary's hidden characters masked for the
   * report.
   */
  private static String context(String s, int i, Canary c, List<Canary> all) {
    String around =
        s.substring(Math.max(0, i - 60), Math.min(s.length(), i + c.value().length() + 20));
    for (Canary other : all) {
      around =
          around
              .replace(other.value(), "<" + other.label() + ">")
              .replace(other.tail(), "<" + other.label() + ":tail>");
    }
    for (Canary other : all) {
      for (String f : other.fragments()) {
        around = around.replace(f, "<" + other.label() + ":frag>");
      }
    }
    return around.replace('\n', '⏎');
  }

  /**
   * Leaks grouped by where (artefact kind and the first word after the mode), canary and needle,
   * with one example each.
   */
  static String summary(List<Leak> leaks) {
    Map<String, List<Leak>> groups = new TreeMap<>();
    for (Leak l : leaks) {
      String[] words = l.artefact().split(" ");
      String where = words[0] + (words.length > 1 ? " " + words[1] : "");
      groups
          .computeIfAbsent(where + " | " + l.canary() + " | " + l.needle(), g -> new ArrayList<>())
          .add(l);
    }
    StringBuilder b = new StringBuilder(leaks.size() + " leaks:\n");
    groups.forEach(
        (g, ls) ->
            b.append("  ")
                .append(ls.size())
                .append(" × ")
                .append(g)
                .append("\n      e.g. ")
                .append(ls.get(0))
                .append('\n'));
    return b.toString();
  }

  /**
   * {@code e.toString()}, its message and the full {@code printStackTrace} text (causes,
   * suppressed).
   */
  List<Leak> scanThrowable(String artefact, Throwable e) {
    List<Leak> found = new ArrayList<>(scan("exception", artefact + " toString", e.toString()));
    found.addAll(scan("exception", artefact + " message", e.getMessage()));
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w, true));
    found.addAll(scan("exception", artefact + " stack trace", w.toString()));
    return found;
  }

  /** Every regular file under {@code root} except those {@code excluded} (the secret store). */
  List<Leak> scanFiles(String artefact, Path root, Predicate<Path> excluded) {
    List<Leak> found = new ArrayList<>();
    if (!Files.exists(root)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        if (!excluded.test(p)) {
          byte[] bytes = Files.readAllBytes(p);
          found.addAll(
              scan(
                  "file",
                  artefact + " " + root.relativize(p),
                  new String(bytes, StandardCharsets.ISO_8859_1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  List<Leak> leaks() {
    return List.copyOf(leaks);
  }

  long artefacts() {
    synchronized (scanned) {
      return scanned.values().stream().mapToLong(AtomicLong::get).sum();
    }
  }

  String tally() {
    synchronized (scanned) {
      StringBuilder b = new StringBuilder();
      b.append(canaries.size())
          .append(" canaries; ")
          .append(artefacts())
          .append(" artefacts scanned (");
      String sep = "";
      for (Map.Entry<String, AtomicLong> e : scanned.entrySet()) {
        b.append(sep).append(e.getKey()).append(' ').append(e.getValue().get());
        sep = ", ";
      }
      return b.append("), ")
          .append(chars.get())
          .append(" characters; leaks found: ")
          .append(leaks.size())
          .toString();
    }
  }
}
