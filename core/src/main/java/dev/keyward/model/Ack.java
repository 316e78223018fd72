package dev.keyward.model;

import java.util.Objects;

/** The answer of an operation whose response carries no data: only the request id. */
public record Ack(String requestId) {
  /** Creates an ack. */
  public Ack {
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
