package dev.keyward.http;

import java.time.Duration;
import java.util.Objects;

/** Checks a timeout setting as OkHttp will take it: whole milliseconds that fit an {@code int}. */
final class TimeoutSetting {
  private TimeoutSetting() {}

  /**
   * Returns {@code d} if it is allowed, else throws {@link IllegalArgumentException} naming {@code
   * setting} and the range (never the value). {@code zeroAllowed}: whether 0 (no timeout) is.
   */
  static Duration check(String setting, Duration d, boolean zeroAllowed) {
    Objects.requireNonNull(d, setting + " == null");
    boolean ok =
        zeroAllowed && d.isZero()
            || !d.isNegative()
                && d.compareTo(Duration.ofMillis(1)) >= 0
                && d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) <= 0;
    if (!ok) {
      throw new IllegalArgumentException(
          setting
              + " must be "
              + (zeroAllowed ? "0 (none) or " : "")
              + "between 1 ms and "
              + Integer.MAX_VALUE
              + " ms");
    }
    return d;
  }
}
