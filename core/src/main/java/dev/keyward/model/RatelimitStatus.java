package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Duration;

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
    Constraints.notNull("id", id);
    Constraints.notNull("name", name);
    Constraints.notNull("duration", duration);
    Constraints.notNull("reset", reset);
  }
}
