package dev.keyward.model;

import dev.keyward.internal.Ids;

/** {@code keys.getKey}: reads a key by id, optionally with its plaintext if it is recoverable. */
public final class GetKeyRequest {
  private final String keyId;
  private final boolean decrypt;

  private GetKeyRequest(String keyId, boolean decrypt) {
    this.keyId = keyId;
    this.decrypt = decrypt;
  }

  /** Reads {@code keyId} without decrypting. */
  public static GetKeyRequest of(String keyId) {
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

  /** Whether to return the plaintext (needs {@code api.*.decrypt_key} and a recoverable key). */
  public boolean decrypt() {
    return decrypt;
  }

  @Override
  public String toString() {
    return "GetKeyRequest{keyId=" + keyId + ", decrypt=" + decrypt + "}";
  }

  /** Builds a {@link GetKeyRequest}. */
  public static final class Builder {
    private final String keyId;
    private boolean decrypt;

    Builder(String keyId) {
      this.keyId = Ids.keyId(keyId);
    }

    /** Whether to return the plaintext. */
    public Builder decrypt(boolean decrypt) {
      this.decrypt = decrypt;
      return this;
    }

    /** Builds the request. */
    public GetKeyRequest build() {
      return new GetKeyRequest(keyId, decrypt);
    }
  }
}
