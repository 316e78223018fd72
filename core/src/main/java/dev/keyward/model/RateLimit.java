package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named rate limit on a key or identity: {@code limit} requests per {@code duration}. With {@code
 * autoApply}, verifications check it without naming it.
 */
public record RateLimit(
    @Nullable String id, String name, long limit, Duration duration, boolean autoApply) {
  /**
   * Validates the spec's limits (name 1..128 as servers return it; requests need 3..128, limit ≥ 1,
   * duration ≥ 1 s).
   */
  public RateLimit {
    Constraints.length("name", name, 1, 128);
    Constraints.range("limit", limit, 1, Long.MAX_VALUE);
    Constraints.millis("duration", duration, 1000, Long.MAX_VALUE);
  }

  /** A rate limit to create, without an id. */
  public static RateLimit of(String name, long limit, Duration duration, boolean autoApply) {
    return new RateLimit(null, name, limit, duration, autoApply);
  }

  /**
   * A request's rate limits: at most 50, each name 3..128 characters (servers may return shorter).
   */
  static List<RateLimit> checkRequestLimits(@Nullable List<RateLimit> ratelimits) {
    List<RateLimit> list = Constraints.nonNullItems("ratelimits", ratelimits, 0, 50);
    for (int i = 0; i < list.size(); i++) {
      Constraints.length("ratelimits[" + i + "].name", list.get(i).name(), 3, 128);
    }
    return list;
  }
}
