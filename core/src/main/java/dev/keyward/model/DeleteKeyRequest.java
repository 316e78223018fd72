package dev.keyward.model;

import dev.keyward.internal.Ids;

/** {@code keys.deleteKey}: soft-deletes a key, or removes it for good with {@code permanent}. */
public final class DeleteKeyRequest {
  private final String keyId;
  private final boolean permanent;

  private DeleteKeyRequest(String keyId, boolean permanent) {
    this.keyId = keyId;
    this.permanent = permanent;
  }

  /** Soft-deletes {@code keyId}. */
  public static DeleteKeyRequest of(String keyId) {
    return builder(keyId).build();
  }

  /** Starts a request for {@code keyId}. */
  public static Builder builder(String keyId) {
    return new Builder(keyId);
  }

  /** The key's id. */
  public String keyId() {
    return keyId;
  }

  /**
   * Whether the key is removed permanently (its hash may then be reused) rather than soft-deleted.
   */
  public boolean permanent() {
    return permanent;
  }

  @Override
  public String toString() {
    return "DeleteKeyRequest{keyId=" + keyId + ", permanent=" + permanent + "}";
  }

  /** Builds a {@link DeleteKeyRequest}. */
  public static final class Builder {
    private final String keyId;
    private boolean permanent;

    Builder(String keyId) {
      this.keyId = Ids.keyId(keyId);
    }

    /** Deletes permanently instead of soft-deleting. */
    public Builder permanent(boolean permanent) {
      this.permanent = permanent;
      return this;
    }

    /** Builds the request. */
    public DeleteKeyRequest build() {
      return new DeleteKeyRequest(keyId, permanent);
    }
  }
}
