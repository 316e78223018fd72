package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.Objects;

/** {@code identities.getIdentity}: reads an identity by id or external id. */
public final class GetIdentityRequest {
  private final String identity;

  private GetIdentityRequest(String identity) {
    this.identity = identity;
  }

  /** A request for {@code identity}. */
  public static GetIdentityRequest of(String identity) {
    return new GetIdentityRequest(
        Constraints.length(
            "identity",
            Objects.requireNonNull(identity, "identity == null"),
            1,
            Integer.MAX_VALUE));
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
