package dev.keyward.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit state a server announced in its response headers: IETF's {@code RateLimit} /
 * {@code RateLimit-Policy} (draft-ietf-httpapi-ratelimit-headers, both the structured {@code
 * "name";r=..;t=..} form and the older {@code limit=.., remaining=.., reset=..} form), the separate
 * {@code RateLimit-Limit}/{@code -Remaining}/{@code -Reset} headers, or {@code X-RateLimit-*}. A
 * value that is not a non-negative integer is ignored.
 */
public final class RateLimitStatus {
  /** {@code X-RateLimit-Reset} values above this are epoch seconds, not a delay. */
  private static final long EPOCH_THRESHOLD = 1_000_000_000L;

  private final OptionalLong limit;
  private final OptionalLong remaining;
  private final Optional<Duration> reset;

  private RateLimitStatus(OptionalLong limit, OptionalLong remaining, Optional<Duration> reset) {
    this.limit = limit;
    this.remaining = remaining;
    this.reset = reset;
  }

  /** The number of requests the window allows (the policy's quota), if announced. */
  public OptionalLong limit() {
    return limit;
  }

  /** The requests left in the current window, if announced. */
  public OptionalLong remaining() {
    return remaining;
  }

  /** The time until the window resets, if announced. */
  public Optional<Duration> reset() {
    return reset;
  }

  /** The announced values. */
  @Override
  public String toString() {
    return "RateLimitStatus{limit="
        + (limit.isPresent() ? limit.getAsLong() : "?")
        + ", remaining="
        + (remaining.isPresent() ? remaining.getAsLong() : "?")
        + ", reset="
        + reset.map(Duration::toString).orElse("?")
        + "}";
  }

  /** What {@code header} (a name → first value lookup) announces; empty when nothing is. */
  static Optional<RateLimitStatus> parse(HeaderLookup header, Clock clock) {
    long limit = -1;
    long remaining = -1;
    long resetSeconds = -1;
    String combined = header.get("RateLimit");
    if (combined != null) {
      remaining = param(combined, "r", "remaining");
      resetSeconds = param(combined, "t", "reset");
      limit = param(combined, "q", "limit");
    }
    String policy = header.get("RateLimit-Policy");
    if (limit < 0 && policy != null) {
      limit = param(policy, "q", null);
      if (limit < 0) {
        limit = number(policy.split("[;,]", 2)[0]);
      }
    }
    limit = limit >= 0 ? limit : number(header.get("RateLimit-Limit"));
    remaining = remaining >= 0 ? remaining : number(header.get("RateLimit-Remaining"));
    resetSeconds = resetSeconds >= 0 ? resetSeconds : number(header.get("RateLimit-Reset"));
    limit = limit >= 0 ? limit : number(header.get("X-RateLimit-Limit"));
    remaining = remaining >= 0 ? remaining : number(header.get("X-RateLimit-Remaining"));
    if (resetSeconds < 0) {
      long x = number(header.get("X-RateLimit-Reset"));
      if (x > EPOCH_THRESHOLD * 1000) { // epoch milliseconds (Unkey's ratelimit responses)
        resetSeconds = Math.max(0, (x - clock.millis() + 999) / 1000);
      } else if (x > EPOCH_THRESHOLD) {
        resetSeconds = Math.max(0, x - clock.millis() / 1000);
      } else {
        resetSeconds = x;
      }
    }
    if (limit < 0 && remaining < 0 && resetSeconds < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new RateLimitStatus(
            limit < 0 ? OptionalLong.empty() : OptionalLong.of(limit),
            remaining < 0 ? OptionalLong.empty() : OptionalLong.of(remaining),
            resetSeconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(resetSeconds))));
  }

  /** The first value of a header, or null. */
  interface HeaderLookup {
    @Nullable String get(String name);
  }

  /** {@code name=value} (or {@code name2=value}) among {@code ;} or {@code ,} separated items. */
  private static long param(String value, String name, @Nullable String name2) {
    for (String item : value.split("[;,]")) {
      int eq = item.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (key.equals(name) || key.equals(name2)) {
        return number(item.substring(eq + 1));
      }
    }
    return -1;
  }

  /** A non-negative integer of at most 18 digits, else -1. */
  private static long number(@Nullable String raw) {
    if (raw == null) {
      return -1;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(s);
  }
}
