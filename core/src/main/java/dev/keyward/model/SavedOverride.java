package dev.keyward.model;

import java.util.Objects;

/** The answer of {@code ratelimit.setOverride}: the id of the created or updated override. */
public record SavedOverride(String overrideId, String requestId) {
  /** Checks nulls. */
  public SavedOverride {
    Objects.requireNonNull(overrideId, "overrideId == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
