package dev.keyward.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The spec's limits, checked in builders. Messages name the field and the limit, never the value.
 */
public final class Constraints {
  /** The latest timestamp Unkey accepts: 2100-01-01T00:00:00Z. */
  public static final long MAX_EPOCH_MILLIS = 4102444800000L;

  private Constraints() {}

  public static String length(String field, String value, int min, int max) {
    if (value.length() < min || value.length() > max) {
      throw new IllegalArgumentException(
          field + " must be " + min + " to " + max + " characters long");
    }
    return value;
  }

  public static String pattern(
      String field, String value, int min, int max, Pattern pattern, String allowed) {
    length(field, value, min, max);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " may contain only " + allowed);
    }
    return value;
  }

  public static <C extends Collection<?>> C maxItems(String field, C items, int max) {
    if (items.size() > max) {
      throw new IllegalArgumentException(field + " may hold at most " + max + " items");
    }
    return items;
  }

  public static <C extends Collection<?>> C items(String field, C items, int min, int max) {
    if (items.size() < min || items.size() > max) {
      throw new IllegalArgumentException(field + " must hold " + min + " to " + max + " items");
    }
    return items;
  }

  public static Duration millis(String field, Duration value, long min, long max) {
    long ms;
    try {
      ms = value.toMillis();
    } catch (ArithmeticException e) {
      ms = Long.MAX_VALUE;
    }
    if (ms < min || ms > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max + " ms");
    }
    return value;
  }

  public static <M extends Map<?, ?>> M maxProperties(String field, M map, int max) {
    if (map.size() > max) {
      throw new IllegalArgumentException(field + " may hold at most " + max + " properties");
    }
    return map;
  }

  public static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
    }
    return value;
  }

  public static Instant timestamp(String field, Instant value) {
    long millis = value.toEpochMilli();
    if (millis < 0 || millis > MAX_EPOCH_MILLIS) {
      throw new IllegalArgumentException(
          field + " must be between 1970-01-01T00:00:00Z and 2100-01-01T00:00:00Z");
    }
    return value;
  }
}
