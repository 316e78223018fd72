package dev.keyward.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The spec's limits, checked in builders: the one place that words their messages. A message names
 * the field (with an index for list elements, e.g. {@code permissions[2]}) and what is allowed,
 * never the value. A null where a value is required is a {@link NullPointerException}; any other
 * violation an {@link IllegalArgumentException}.
 */
public final class Constraints {
  /** The latest timestamp Unkey accepts: 2100-01-01T00:00:00Z. */
  public static final long MAX_EPOCH_MILLIS = 4102444800000L;

  private static final Instant MAX_INSTANT = Instant.ofEpochMilli(MAX_EPOCH_MILLIS);

  private Constraints() {}

  /** {@code value}, or a {@link NullPointerException} naming {@code field}. */
  public static <T> T notNull(String field, @Nullable T value) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null");
    }
    return value;
  }

  /** {@code value}, or a {@link NullPointerException} naming {@code field} and what is allowed. */
  public static <T> T notNull(String field, @Nullable T value, String allowed) {
    if (value == null) {
      throw new NullPointerException(field + " must not be null; allowed: " + allowed);
    }
    return value;
  }

  /** A string of {@code min..max} characters. */
  public static String length(String field, @Nullable String value, int min, int max) {
    String v = notNull(field, value, lengthText(min, max));
    if (v.length() < min || v.length() > max) {
      throw new IllegalArgumentException(field + " must be " + lengthText(min, max) + " long");
    }
    return v;
  }

  /** A string of {@code min..max} characters matching {@code pattern} ({@code allowed} says it). */
  public static String pattern(
      String field, @Nullable String value, int min, int max, Pattern pattern, String allowed) {
    String v = notNull(field, value, lengthText(min, max) + " of " + allowed);
    length(field, v, min, max);
    if (!pattern.matcher(v).matches()) {
      throw new IllegalArgumentException(field + " may contain only " + allowed);
    }
    return v;
  }

  /** Every element of {@code values} has {@code min..max} characters; returns a copy. */
  public static List<String> eachLength(
      String field, @Nullable List<String> values, int minItems, int maxItems, int min, int max) {
    Object[] items = snapshot(field, values, minItems, maxItems);
    for (int i = 0; i < items.length; i++) {
      length(field + "[" + i + "]", string(field, i, items[i], lengthText(min, max)), min, max);
    }
    return listOf(items);
  }

  /** Every element of {@code values} matches {@code pattern}; returns a copy. */
  public static List<String> eachPattern(
      String field,
      @Nullable List<String> values,
      int minItems,
      int maxItems,
      int min,
      int max,
      Pattern pattern,
      String allowed) {
    Object[] items = snapshot(field, values, minItems, maxItems);
    for (int i = 0; i < items.length; i++) {
      String element = string(field, i, items[i], lengthText(min, max) + " of " + allowed);
      pattern(field + "[" + i + "]", element, min, max, pattern, allowed);
    }
    return listOf(items);
  }

  /** A list of {@code min..max} non-null elements; returns a copy. */
  public static <T> List<T> nonNullItems(String field, @Nullable List<T> values, int min, int max) {
    Object[] items = snapshot(field, values, min, max);
    for (int i = 0; i < items.length; i++) {
      notNull(field + "[" + i + "]", items[i]);
    }
    return listOf(items);
  }

  /** A list of non-null elements, any number; returns a copy. */
  public static <T> List<T> nonNullItems(String field, @Nullable List<T> values) {
    return nonNullItems(field, values, 0, Integer.MAX_VALUE);
  }

  /**
   * The elements of {@code values}, read once with {@code toArray()}: the checks and the copy see
   * the same elements even if the list changes meanwhile (another thread) or lies (a {@code size()}
   * that differs from what it holds, a {@code get} that answers differently each time).
   */
  private static Object[] snapshot(String field, @Nullable List<?> values, int min, int max) {
    List<?> list = notNull(field, values, "a list of " + min + " to " + max + " items");
    Object[] array = list.toArray();
    if (array == null) {
      throw new IllegalArgumentException(
          field + " must be a list whose toArray() returns its items");
    }
    // A copy: a hostile list could keep the array it returned and change it after the checks.
    Object[] items = array.clone();
    if (items.length < min || items.length > max) {
      throw new IllegalArgumentException(field + " must hold " + min + " to " + max + " items");
    }
    return items;
  }

  /** An element of a {@code List<String>}; raw types can smuggle in anything else. */
  private static String string(String field, int index, @Nullable Object item, String allowed) {
    String name = field + "[" + index + "]";
    notNull(name, item, allowed);
    if (!(item instanceof String s)) {
      throw new IllegalArgumentException(name + " must be a String of " + allowed);
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> listOf(Object[] checked) {
    return (List<T>) List.of(checked);
  }

  /** A collection of at most {@code max} items. */
  public static <C extends Collection<?>> C maxItems(String field, @Nullable C items, int max) {
    return items(field, items, 0, max);
  }

  /** A collection of {@code min..max} items. */
  public static <C extends Collection<?>> C items(
      String field, @Nullable C items, int min, int max) {
    C c = notNull(field, items, "a list of " + min + " to " + max + " items");
    if (c.size() < min || c.size() > max) {
      throw new IllegalArgumentException(field + " must hold " + min + " to " + max + " items");
    }
    return c;
  }

  /**
   * A duration of {@code min..max} whole milliseconds; one whose millisecond count overflows a
   * {@code long} is out of range (never an {@link ArithmeticException}).
   */
  public static Duration millis(String field, @Nullable Duration value, long min, long max) {
    Duration d = notNull(field, value, "a duration of " + min + " to " + max + " ms");
    long ms;
    try {
      ms = d.toMillis();
    } catch (ArithmeticException overflow) {
      throw outOfRange(field, min, max);
    }
    if (ms < min || ms > max) {
      throw outOfRange(field, min, max);
    }
    return d;
  }

  private static IllegalArgumentException outOfRange(String field, long min, long max) {
    return new IllegalArgumentException(field + " must be between " + min + " and " + max + " ms");
  }

  /** A map of at most {@code max} entries. */
  public static <M extends Map<?, ?>> M maxProperties(String field, @Nullable M map, int max) {
    M m = notNull(field, map, "an object of at most " + max + " properties");
    if (m.size() > max) {
      throw new IllegalArgumentException(field + " may hold at most " + max + " properties");
    }
    return m;
  }

  /** A number in {@code min..max}. */
  public static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * An instant Unkey accepts as epoch milliseconds: 1970-01-01T00:00:00Z to 2100-01-01T00:00:00Z.
   * Compared as instants, so {@link Instant#MAX} and {@link Instant#MIN} are out of range rather
   * than an {@link ArithmeticException}.
   */
  public static Instant timestamp(String field, @Nullable Instant value) {
    String allowed = "1970-01-01T00:00:00Z to 2100-01-01T00:00:00Z";
    Instant v = notNull(field, value, "an instant from " + allowed);
    if (v.isBefore(Instant.EPOCH) || v.isAfter(MAX_INSTANT)) {
      throw new IllegalArgumentException(
          field + " must be between 1970-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
    }
    return v;
  }

  private static String lengthText(int min, int max) {
    return min + " to " + max + " characters";
  }
}
