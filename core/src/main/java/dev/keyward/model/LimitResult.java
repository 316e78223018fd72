package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code ratelimit.limit}. A denied request is {@code success == false}, never an
 * exception.
 */
public record LimitResult(
    boolean success,
    long limit,
    long remaining,
    Instant reset,
    @Nullable String overrideId,
    String requestId) {
  /** Checks nulls. */
  public LimitResult {
    Constraints.notNull("reset", reset);
    Constraints.notNull("requestId", requestId);
  }
}
