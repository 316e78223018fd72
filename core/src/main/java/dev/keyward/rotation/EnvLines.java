package dev.keyward.rotation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of an {@code .env} file, byte for byte: decoded as ISO-8859-1 (every byte one char, so
 * text that is not UTF-8 survives), split on {@code \n} only (a {@code \r} stays with its line, so
 * CRLF files and a lone {@code \r} inside a value are kept), a leading UTF-8 byte order mark kept
 * apart so that the first variable is still found. Only the lines of the variable written change.
 */
final class EnvLines {
  private static final String BOM = "\u00EF\u00BB\u00BF"; // EF BB BF, as ISO-8859-1
  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_.]*)(\\s*=\\s*)(.*?)(\r?)", Pattern.DOTALL);

  private final String bom;
  private final List<String> lines;
  private final String newLine;

  private EnvLines(String bom, List<String> lines) {
    this.bom = bom;
    this.lines = lines;
    this.newLine = !lines.isEmpty() && lines.get(0).endsWith("\r") ? "\r" : "";
  }

  static EnvLines parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String bom = text.startsWith(BOM) ? BOM : "";
    text = text.substring(bom.length());
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.add(text.substring(start, i));
      start = i + 1;
    }
    if (start < text.length()) {
      lines.add(text.substring(start)); // the last line lacked its newline: it gains one
    }
    return new EnvLines(bom, lines);
  }

  /** The raw value of the first definition of {@code name}, stripped and unquoted. */
  Optional<String> value(String name) {
    for (String line : lines) {
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.matches() && m.group(2).equals(name)) {
        return Optional.of(unquote(m.group(4).strip()));
      }
    }
    return Optional.empty();
  }

  /**
   * Sets {@code name} to {@code value} (visible ASCII) in its first definition, dropping later
   * ones, which most loaders would let win; appends it if it is not defined.
   */
  void set(String name, String value) {
    boolean replaced = false;
    List<String> out = new ArrayList<>(lines.size() + 1);
    for (String line : lines) {
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.matches() && m.group(2).equals(name)) {
        if (!replaced) {
          out.add(m.group(1) + name + m.group(3) + value + m.group(5));
          replaced = true;
        }
      } else {
        out.add(line);
      }
    }
    if (!replaced) {
      out.add(name + "=" + value + newLine);
    }
    lines.clear();
    lines.addAll(out);
  }

  /** Removes every definition of {@code name}; true if there was one. */
  boolean remove(String name) {
    return lines.removeIf(
        line -> {
          Matcher m = ASSIGNMENT.matcher(line);
          return m.matches() && m.group(2).equals(name);
        });
  }

  /** The file's bytes, every line ending in {@code \n}. */
  byte[] bytes() {
    StringBuilder text = new StringBuilder(bom);
    for (String line : lines) {
      text.append(line).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\""))
            || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
