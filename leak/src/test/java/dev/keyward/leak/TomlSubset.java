package dev.keyward.leak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the TOML subset a gitleaks configuration needs: comments, {@code [table]},
 * {@code [[array-of-tables]]}, and {@code key = value} with basic strings, arrays of basic strings,
 * integers, floats and booleans. Anything outside that subset, a repeated key or a broken string
 * throws {@link IllegalArgumentException} with the line number, so a malformed file fails the test.
 */
final class TomlSubset {
  private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z0-9_-]+) = (.+)");
  private static final Pattern TABLE = Pattern.compile("\\[([A-Za-z0-9_-]+)]");
  private static final Pattern TABLE_ARRAY = Pattern.compile("\\[\\[([A-Za-z0-9_-]+)]]");
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  private TomlSubset() {}

  /**
   * Parses {@code text}: top-level keys map to values, a {@code [table]} to a map, a {@code
   * [[table]]} to a list of maps. Strings are unescaped; arrays become lists.
   */
  static Map<String, Object> parse(String text) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> current = root;
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      int lineNo = n + 1;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m;
      if ((m = TABLE_ARRAY.matcher(line)).matches()) {
        Object existing = root.computeIfAbsent(m.group(1), k -> new ArrayList<Object>());
        if (!(existing instanceof List<?>)) {
          throw new IllegalArgumentException("line " + lineNo + ": [[" + m.group(1) + "]] clash");
        }
        current = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object> tables = (List<Object>) existing;
        tables.add(current);
      } else if ((m = TABLE.matcher(line)).matches()) {
        if (root.containsKey(m.group(1))) {
          throw new IllegalArgumentException("line " + lineNo + ": table defined twice");
        }
        current = new LinkedHashMap<>();
        root.put(m.group(1), current);
      } else if ((m = KEY_VALUE.matcher(line)).matches()) {
        if (current.containsKey(m.group(1))) {
          throw new IllegalArgumentException("line " + lineNo + ": key defined twice");
        }
        current.put(m.group(1), value(m.group(2), lineNo));
      } else {
        throw new IllegalArgumentException("line " + lineNo + ": not TOML of the known subset");
      }
    }
    return root;
  }

  private static Object value(String text, int lineNo) {
    if (text.startsWith("\"")) {
      int[] end = {0};
      String s = basicString(text, 0, end, lineNo);
      requireEnd(text, end[0], lineNo);
      return s;
    }
    if (text.startsWith("[")) {
      List<String> items = new ArrayList<>();
      int i = 1;
      while (true) {
        if (i >= text.length()) {
          throw new IllegalArgumentException("line " + lineNo + ": unterminated array");
        }
        if (text.charAt(i) == ']') {
          requireEnd(text, i + 1, lineNo);
          return items;
        }
        int[] end = {0};
        items.add(basicString(text, i, end, lineNo));
        i = end[0];
        if (text.startsWith(", ", i)) {
          i += 2;
        } else if (i >= text.length() || text.charAt(i) != ']') {
          throw new IllegalArgumentException("line " + lineNo + ": bad array separator");
        }
      }
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    if (NUMBER.matcher(text).matches()) {
      return text.contains(".") ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
    }
    throw new IllegalArgumentException("line " + lineNo + ": unknown value");
  }

  /**
   * Reads a basic string starting at {@code start} (a quote); {@code end[0]} gets the index after.
   */
  private static String basicString(String text, int start, int[] end, int lineNo) {
    if (text.charAt(start) != '"') {
      throw new IllegalArgumentException("line " + lineNo + ": expected a string");
    }
    StringBuilder out = new StringBuilder();
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        end[0] = i + 1;
        return out.toString();
      }
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("line " + lineNo + ": raw control character");
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= text.length()) {
        break;
      }
      char e = text.charAt(i + 1);
      switch (e) {
        case '"', '\\' -> out.append(e);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("line " + lineNo + ": bad escape");
      }
      i += 2;
    }
    throw new IllegalArgumentException("line " + lineNo + ": unterminated string");
  }

  private static void requireEnd(String text, int index, int lineNo) {
    if (index != text.length()) {
      throw new IllegalArgumentException("line " + lineNo + ": text after the value");
    }
  }
}
