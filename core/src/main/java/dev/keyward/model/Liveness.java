package dev.keyward.model;

import java.util.Objects;

/** The answer of {@code GET /v2/liveness}. */
public record Liveness(String message, String requestId) {
  /** Creates a liveness answer. */
  public Liveness {
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
