package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.key.Secret;

/** A new key and its plaintext, which Unkey returns exactly once (create and reroll). */
public final class CreatedKey {
  private final String keyId;
  private final Secret key;
  private final String requestId;

  /** Creates the value. */
  public CreatedKey(String keyId, Secret key, String requestId) {
    this.keyId = Constraints.notNull("keyId", keyId);
    this.key = Constraints.notNull("key", key);
    this.requestId = Constraints.notNull("requestId", requestId);
  }

  /** The key's id, e.g. {@code key_2cGKbMxRyIzhCxo1Idjz8q}. */
  public String keyId() {
    return keyId;
  }

  /** The plaintext key: hand it to its owner; it cannot be read again unless recoverable. */
  public Secret key() {
    return key;
  }

  /** The request id of the call. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "CreatedKey{keyId=" + keyId + ", key=" + key + ", requestId=" + requestId + "}";
  }
}
