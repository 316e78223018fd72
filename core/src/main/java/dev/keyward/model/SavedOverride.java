package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** The answer of {@code ratelimit.setOverride}: the id of the created or updated override. */
public record SavedOverride(String overrideId, String requestId) {
  /** Checks nulls. */
  public SavedOverride {
    Constraints.notNull("overrideId", overrideId);
    Constraints.notNull("requestId", requestId);
  }
}
