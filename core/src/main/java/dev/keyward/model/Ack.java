package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** The answer of an operation whose response carries no data: only the request id. */
public record Ack(String requestId) {
  /** Creates an ack. */
  public Ack {
    Constraints.notNull("requestId", requestId);
  }
}
