package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** The answer of {@code identities.createIdentity}: the new identity's id. */
public record CreatedIdentity(String identityId, String requestId) {
  /** Checks nulls. */
  public CreatedIdentity {
    Constraints.notNull("identityId", identityId);
    Constraints.notNull("requestId", requestId);
  }
}
