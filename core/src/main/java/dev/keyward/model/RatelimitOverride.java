package dev.keyward.model;

import java.time.Duration;
import java.util.Objects;

/** A custom limit for one identifier (or wildcard pattern) in a rate-limit namespace. */
public record RatelimitOverride(
    String overrideId, String identifier, long limit, Duration duration) {
  /** Checks nulls. */
  public RatelimitOverride {
    Objects.requireNonNull(overrideId, "overrideId == null");
    Objects.requireNonNull(identifier, "identifier == null");
    Objects.requireNonNull(duration, "duration == null");
  }
}
