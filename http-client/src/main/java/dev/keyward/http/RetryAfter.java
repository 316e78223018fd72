package dev.keyward.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Retry-After}: delta-seconds (ASCII digits of any length) or an HTTP date, clamped to
 * {@link #MAX}; anything else is ignored, so the retry policy's own backoff applies.
 */
final class RetryAfter {
  /** The longest wait a server can ask for; longer values are clamped to it. */
  static final Duration MAX = Duration.ofDays(1);

  /**
   * A network interceptor that clamps a delta-seconds {@code Retry-After} before OkHttp's own
   * follow-up logic reads it: OkHttp parses digits as an {@code int} and throws {@code
   * NumberFormatException} on 2^31 or more.
   */
  static final Interceptor CLAMP =
      chain -> {
        Response response = chain.proceed(chain.request());
        String header = response.header("Retry-After");
        if (header == null) {
          return response;
        }
        String v = header.strip();
        if (digits(v)) {
          String clamped = Long.toString(seconds(v));
          if (!clamped.equals(header)) {
            return response.newBuilder().header("Retry-After", clamped).build();
          }
        }
        return response;
      };

  private RetryAfter() {}

  /** The wait {@code header} asks for, at most {@link #MAX}; null when absent or unreadable. */
  static @Nullable Duration parse(@Nullable String header, Clock clock) {
    if (header == null) {
      return null;
    }
    String v = header.strip();
    if (v.isEmpty()) {
      return null;
    }
    if (digits(v)) {
      return Duration.ofSeconds(seconds(v));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return d.isNegative() ? Duration.ZERO : clamp(d);
    } catch (DateTimeParseException | ArithmeticException notADate) {
      return null;
    }
  }

  private static Duration clamp(Duration d) {
    return d.compareTo(MAX) > 0 ? MAX : d;
  }

  /** The seconds {@code digits} say, at most {@link #MAX}'s, without overflow at any length. */
  private static long seconds(String digits) {
    int first = 0;
    while (first < digits.length() - 1 && digits.charAt(first) == '0') {
      first++;
    }
    // More than 6 significant digits is more than MAX (86,400 s) whatever they say.
    return digits.length() - first > 6
        ? MAX.getSeconds()
        : Math.min(Long.parseLong(digits, first, digits.length(), 10), MAX.getSeconds());
  }

  /** Whether {@code s} is one or more ASCII digits (Unicode digits and signs are not). */
  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
