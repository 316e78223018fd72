package dev.keyward.model;

import java.util.Objects;

/** The answer of {@code identities.createIdentity}: the new identity's id. */
public record CreatedIdentity(String identityId, String requestId) {
  /** Checks nulls. */
  public CreatedIdentity {
    Objects.requireNonNull(identityId, "identityId == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
