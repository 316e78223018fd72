package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** The answer of {@code GET /v2/liveness}. */
public record Liveness(String message, String requestId) {
  /** Creates a liveness answer. */
  public Liveness {
    Constraints.notNull("message", message);
    Constraints.notNull("requestId", requestId);
  }
}
