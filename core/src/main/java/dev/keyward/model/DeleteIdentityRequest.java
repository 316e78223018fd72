package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** {@code identities.deleteIdentity}: deletes an identity by id or external id. */
public final class DeleteIdentityRequest {
  private final String identity;

  private DeleteIdentityRequest(String identity) {
    this.identity = identity;
  }

  /** A request for {@code identity}. */
  public static DeleteIdentityRequest of(String identity) {
    return new DeleteIdentityRequest(
        Constraints.length("identity", identity, 1, Integer.MAX_VALUE));
  }

  /** The identity's id or external id. */
  public String identity() {
    return identity;
  }

  @Override
  public String toString() {
    return "DeleteIdentityRequest{identity=" + identity + "}";
  }
}
