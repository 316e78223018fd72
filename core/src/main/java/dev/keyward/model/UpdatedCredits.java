package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** The answer of {@code keys.updateCredits}: the key's credits after the change. */
public record UpdatedCredits(Credits credits, String requestId) {
  /** Checks nulls. */
  public UpdatedCredits {
    Constraints.notNull("credits", credits);
    Constraints.notNull("requestId", requestId);
  }
}
