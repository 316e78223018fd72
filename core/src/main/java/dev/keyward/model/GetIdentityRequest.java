package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** {@code identities.getIdentity}: reads an identity by id or external id. */
public final class GetIdentityRequest {
  private final String identity;

  private GetIdentityRequest(String identity) {
    this.identity = identity;
  }

  /** A request for {@code identity}. */
  public static GetIdentityRequest of(String identity) {
    return new GetIdentityRequest(Constraints.length("identity", identity, 1, Integer.MAX_VALUE));
  }

  /** The identity's id or external id. */
  public String identity() {
    return identity;
  }

  @Override
  public String toString() {
    return "GetIdentityRequest{identity=" + identity + "}";
  }
}
