package dev.keyward.model;

import java.time.Instant;
import java.util.Objects;
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
    Objects.requireNonNull(reset, "reset == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
