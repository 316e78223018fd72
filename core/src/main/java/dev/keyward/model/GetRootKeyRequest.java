package dev.keyward.model;

import dev.keyward.internal.Ids;

/** {@code rootKeys.getRootKey}: reads a root key by id (keyward's extension). */
public final class GetRootKeyRequest {
  private final String keyId;

  private GetRootKeyRequest(String keyId) {
    this.keyId = keyId;
  }

  /** A request for {@code keyId}. */
  public static GetRootKeyRequest of(String keyId) {
    return new GetRootKeyRequest(Ids.keyId(keyId));
  }

  /** The root key's id. */
  public String keyId() {
    return keyId;
  }

  @Override
  public String toString() {
    return "GetRootKeyRequest{keyId=" + keyId + "}";
  }
}
