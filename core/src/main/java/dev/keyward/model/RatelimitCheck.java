package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A rate limit for {@code keys.verifyKey} to check by name, optionally with a cost and an ad-hoc
 * limit/duration overriding the configured one.
 */
public record RatelimitCheck(
    String name, @Nullable Integer cost, @Nullable Long limit, @Nullable Duration duration) {
  /** Validates name 3..255 and non-negative numbers. */
  public RatelimitCheck {
    Constraints.notNull("name", name);
    Constraints.length("ratelimit name", name, 3, 255);
    if (cost != null) {
      Constraints.range("ratelimit cost", cost, 0, Integer.MAX_VALUE);
    }
    if (limit != null) {
      Constraints.range("ratelimit limit", limit, 0, Long.MAX_VALUE);
    }
    if (duration != null) {
      Constraints.millis("ratelimit duration", duration, 0, Long.MAX_VALUE);
    }
  }

  /** Checks the limit {@code name} at Unkey's default cost of 1. */
  public static RatelimitCheck named(String name) {
    return new RatelimitCheck(name, null, null, null);
  }

  /** Checks the limit {@code name} at {@code cost}. */
  public static RatelimitCheck named(String name, int cost) {
    return new RatelimitCheck(name, cost, null, null);
  }
}
