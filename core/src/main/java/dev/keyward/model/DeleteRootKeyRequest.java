package dev.keyward.model;

import dev.keyward.internal.Ids;

/** {@code rootKeys.deleteRootKey}: revokes a root key (keyward's extension). */
public final class DeleteRootKeyRequest {
  private final String keyId;

  private DeleteRootKeyRequest(String keyId) {
    this.keyId = keyId;
  }

  /** A request for {@code keyId}. */
  public static DeleteRootKeyRequest of(String keyId) {
    return new DeleteRootKeyRequest(Ids.keyId(keyId));
  }

  /** The root key's id. */
  public String keyId() {
    return keyId;
  }

  @Override
  public String toString() {
    return "DeleteRootKeyRequest{keyId=" + keyId + "}";
  }
}
