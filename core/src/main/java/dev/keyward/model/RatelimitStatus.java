package dev.keyward.model;

import java.time.Duration;
import java.util.Objects;

/** The state of one rate limit after a verification: whether it was exceeded and what remains. */
public record RatelimitStatus(
    String id,
    String name,
    boolean exceeded,
    long limit,
    Duration duration,
    Duration reset,
    long remaining,
    boolean autoApply) {
  /** Checks nulls. */
  public RatelimitStatus {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(duration, "duration == null");
    Objects.requireNonNull(reset, "reset == null");
  }
}
