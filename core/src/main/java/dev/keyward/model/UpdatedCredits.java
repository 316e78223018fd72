package dev.keyward.model;

import java.util.Objects;

/** The answer of {@code keys.updateCredits}: the key's credits after the change. */
public record UpdatedCredits(Credits credits, String requestId) {
  /** Checks nulls. */
  public UpdatedCredits {
    Objects.requireNonNull(credits, "credits == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
