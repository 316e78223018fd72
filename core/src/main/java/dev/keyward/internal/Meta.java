package dev.keyward.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checked, deeply unmodifiable copies of {@code meta} objects, which hold JSON values.
 *
 * <p>Allowed: maps with {@code String} keys, collections (copied as lists), strings, booleans,
 * {@code null}, and the numbers {@code Byte}, {@code Short}, {@code Integer}, {@code Long}, {@code
 * BigInteger}, {@code BigDecimal} and finite {@code Float}/{@code Double}. At most {@link
 * #MAX_DEPTH} levels of objects and arrays, counting {@code meta} itself (keyward's JSON reader
 * rejects nesting beyond 64 levels, and {@code meta} sits a few levels inside a body). A container
 * that contains itself (a cycle, found by identity) is rejected rather than followed.
 *
 * <p>Messages name the place as a path such as {@code meta.plan.limits[2]}. Keys are user data but
 * not secrets; still, a key is printed only when it is 1..64 characters of {@code [A-Za-z0-9_-]},
 * any other key as {@code <key #n>} (its position in the object).
 */
public final class Meta {
  /** Deepest nesting of objects and arrays in {@code meta}, counting {@code meta} itself. */
  public static final int MAX_DEPTH = 32;

  private static final String ALLOWED =
      "JSON values: maps with String keys, lists, strings, booleans, null, and finite numbers";

  private static final Pattern PRINTABLE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Meta() {}

  /** Checks and copies a {@code meta} object (field name {@code meta}). */
  public static Map<String, Object> copy(@Nullable Map<String, ?> meta) {
    return copy("meta", meta);
  }

  /** Checks and copies a JSON object named {@code field}. */
  public static Map<String, Object> copy(String field, @Nullable Map<String, ?> meta) {
    Constraints.notNull(field, meta, "an object of " + ALLOWED);
    if (meta.isEmpty()) {
      return Map.of();
    }
    Set<Object> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) value(field, meta, 1, enclosing);
    return copy;
  }

  private static @Nullable Object value(
      String path, @Nullable Object value, int depth, Set<Object> enclosing) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      return number(path, n);
    }
    if (!(value instanceof Map<?, ?>) && !(value instanceof Collection<?>)) {
      throw new IllegalArgumentException(path + " is not a JSON value; allowed: " + ALLOWED);
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          rootOf(path) + " is nested deeper than " + MAX_DEPTH + " levels of objects and arrays");
    }
    if (!enclosing.add(value)) {
      throw new IllegalArgumentException(
          path + " contains itself (a cycle); allowed: a tree of " + ALLOWED);
    }
    try {
      return value instanceof Map<?, ?> map
          ? object(path, map, depth, enclosing)
          : array(path, (Collection<?>) value, depth, enclosing);
    } finally {
      enclosing.remove(value);
    }
  }

  private static Map<String, Object> object(
      String path, Map<?, ?> map, int depth, Set<Object> enclosing) {
    Map<String, Object> copy = new LinkedHashMap<>();
    int position = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            path + " has a key that is not a String (key #" + position + "); allowed: String keys");
      }
      String child =
          path + (PRINTABLE_KEY.matcher(key).matches() ? "." + key : ".<key #" + position + ">");
      copy.put(key, value(child, e.getValue(), depth + 1, enclosing));
      position++;
    }
    return Collections.unmodifiableMap(copy);
  }

  private static List<Object> array(
      String path, Collection<?> items, int depth, Set<Object> enclosing) {
    List<Object> copy = new ArrayList<>(items.size());
    int i = 0;
    for (Object item : items) {
      copy.add(value(path + "[" + i + "]", item, depth + 1, enclosing));
      i++;
    }
    return Collections.unmodifiableList(copy);
  }

  private static Number number(String path, Number n) {
    if (n instanceof Double d && !Double.isFinite(d)
        || n instanceof Float f && !Float.isFinite(f)) {
      throw new IllegalArgumentException(
          path + " is NaN or infinite; allowed: finite numbers (JSON has no NaN or Infinity)");
    }
    boolean json =
        n instanceof Long
            || n instanceof Integer
            || n instanceof Short
            || n instanceof Byte
            || n instanceof Double
            || n instanceof Float
            || n instanceof BigInteger
            || n instanceof BigDecimal;
    if (!json) {
      throw new IllegalArgumentException(
          path
              + " is a number type JSON cannot carry; allowed: Byte, Short, Integer, Long,"
              + " BigInteger, BigDecimal, finite Float and Double");
    }
    return n;
  }

  /** The first two steps of a path, so that a 1,000-level path never fills a message. */
  private static String rootOf(String path) {
    int cut = 0;
    int steps = 0;
    for (int i = 1; i < path.length() && steps < 2; i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        steps++;
        cut = i;
      }
    }
    return steps < 2 ? path : path.substring(0, cut) + "…";
  }
}
