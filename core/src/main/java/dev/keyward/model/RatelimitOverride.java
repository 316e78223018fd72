package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Duration;

/** A custom limit for one identifier (or wildcard pattern) in a rate-limit namespace. */
public record RatelimitOverride(
    String overrideId, String identifier, long limit, Duration duration) {
  /** Checks nulls. */
  public RatelimitOverride {
    Constraints.notNull("overrideId", overrideId);
    Constraints.notNull("identifier", identifier);
    Constraints.notNull("duration", duration);
  }
}
