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
 * <p>Numbers are checked as they will be written. In a request's meta ({@link #copy(String, Map,
 * int)}) a {@code BigInteger} or {@code BigDecimal} whose text ({@code toString()}, which JSON
 * writers copy verbatim) is longer than {@link #MAX_NUMBER_LENGTH} characters is rejected, since
 * keyward's JSON reader rejects such literals and every later read of the key would fail. A
 * subclass of either is always copied into the plain class from that text, so an overridden {@code
 * toString()} cannot write anything but a number.
 *
 * <p>The copy is made in one pass over what the map and its collections yield, and the property
 * limit is checked on that copy, so a map that changes meanwhile or lies about its {@code size()}
 * cannot exceed it.
 *
 * <p>Messages name the place as a path such as {@code meta.plan.limits[2]}. Keys are user data but
 * not secrets; still, a key is printed only when it is 1..64 characters of {@code [A-Za-z0-9_-]},
 * any other key as {@code <key #n>} (its position in the object).
 */
public final class Meta {
  /** Deepest nesting of objects and arrays in {@code meta}, counting {@code meta} itself. */
  public static final int MAX_DEPTH = 32;

  /** Longest number text allowed: keyward's JSON reader rejects longer number literals. */
  public static final int MAX_NUMBER_LENGTH = 64;

  /** Bits of a 64-digit integer, checked before {@code toString()} (slow on huge numbers). */
  private static final int MAX_NUMBER_BITS = 213;

  private static final String ALLOWED =
      "JSON values: maps with String keys, lists, strings, booleans, null, and finite numbers";

  private static final Pattern PRINTABLE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Containers being copied, by identity: the cycle check. */
  private final Set<Object> enclosing = Collections.newSetFromMap(new IdentityHashMap<>());

  /** Whether number text is bounded (a request's meta, which keyward will write). */
  private final boolean boundNumbers;

  private Meta(boolean boundNumbers) {
    this.boundNumbers = boundNumbers;
  }

  /** Checks and copies a {@code meta} object (field name {@code meta}). */
  public static Map<String, Object> copy(@Nullable Map<String, ?> meta) {
    return copy("meta", meta);
  }

  /**
   * Checks and copies a JSON object named {@code field}, such as one a response carried; number
   * text is not bounded (see {@link #copy(String, Map, int)}).
   */
  public static Map<String, Object> copy(String field, @Nullable Map<String, ?> meta) {
    return copy(field, meta, Integer.MAX_VALUE, false);
  }

  /**
   * Checks and copies a request's JSON object named {@code field}: at most {@code maxProperties}
   * top-level properties (counted on the copy) and numbers of at most {@link #MAX_NUMBER_LENGTH}
   * characters of text.
   */
  public static Map<String, Object> copy(
      String field, @Nullable Map<String, ?> meta, int maxProperties) {
    return copy(field, meta, maxProperties, true);
  }

  private static Map<String, Object> copy(
      String field, @Nullable Map<String, ?> meta, int maxProperties, boolean boundNumbers) {
    Constraints.notNull(field, meta, "an object of " + ALLOWED);
    Constraints.maxProperties(field, meta, maxProperties);
    Meta walk = new Meta(boundNumbers);
    walk.enclosing.add(meta);
    Map<String, Object> copy = walk.object(field, meta, 1, maxProperties);
    return copy.isEmpty() ? Map.of() : copy;
  }

  private @Nullable Object value(String path, @Nullable Object value, int depth) {
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
          ? object(path, map, depth, Integer.MAX_VALUE)
          : array(path, (Collection<?>) value, depth);
    } finally {
      enclosing.remove(value);
    }
  }

  private Map<String, Object> object(String path, Map<?, ?> map, int depth, int maxProperties) {
    Map<String, Object> copy = new LinkedHashMap<>();
    int position = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (position >= maxProperties) {
        throw new IllegalArgumentException(
            path + " may hold at most " + maxProperties + " properties");
      }
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            path + " has a key that is not a String (key #" + position + "); allowed: String keys");
      }
      String child =
          path + (PRINTABLE_KEY.matcher(key).matches() ? "." + key : ".<key #" + position + ">");
      copy.put(key, value(child, e.getValue(), depth + 1));
      position++;
    }
    return Collections.unmodifiableMap(copy);
  }

  private List<Object> array(String path, Collection<?> items, int depth) {
    // size() only sizes the buffer, clamped: a collection may lie about it (MAX_VALUE, negative).
    List<Object> copy = new ArrayList<>(Math.max(0, Math.min(items.size(), 1024)));
    int i = 0;
    for (Object item : items) {
      copy.add(value(path + "[" + i + "]", item, depth + 1));
      i++;
    }
    return Collections.unmodifiableList(copy);
  }

  private Number number(String path, Number n) {
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
    if (n instanceof BigInteger || n instanceof BigDecimal) {
      return bigNumber(path, n);
    }
    return n;
  }

  /** A BigInteger or BigDecimal whose text fits the reader, as the plain class. */
  private Number bigNumber(String path, Number n) {
    String tooLong =
        path
            + " is a number of more than "
            + MAX_NUMBER_LENGTH
            + " characters; allowed: numbers whose JSON text has at most "
            + MAX_NUMBER_LENGTH
            + " characters";
    boolean plain = n.getClass() == BigInteger.class || n.getClass() == BigDecimal.class;
    if (plain && !boundNumbers) {
      return n;
    }
    if (plain) {
      BigInteger digits = n instanceof BigDecimal d ? d.unscaledValue() : (BigInteger) n;
      if (digits.bitLength() > MAX_NUMBER_BITS) {
        throw new IllegalArgumentException(tooLong);
      }
    }
    String text = n.toString();
    if (text == null || (boundNumbers && text.length() > MAX_NUMBER_LENGTH)) {
      throw new IllegalArgumentException(tooLong);
    }
    if (plain) {
      return n;
    }
    try {
      return n instanceof BigDecimal ? new BigDecimal(text) : new BigInteger(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          path + " is a number whose toString() is not a JSON number; allowed: " + ALLOWED);
    }
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
