package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import java.time.Duration;

/**
 * {@code keys.rerollKey}: issues a new key with the old one's configuration; the old key stays
 * valid for {@code expiration} (zero revokes it at once).
 */
public final class RerollKeyRequest {
  private final String keyId;
  private final Duration expiration;

  private RerollKeyRequest(String keyId, Duration expiration) {
    this.keyId = keyId;
    this.expiration = expiration;
  }

  /**
   * Rerolls {@code keyId}, keeping the old key valid for {@code expiration} (0..4102444800000 ms).
   */
  public static RerollKeyRequest of(String keyId, Duration expiration) {
    Ids.keyId(keyId);
    Constraints.notNull("expiration", expiration);
    Constraints.millis("expiration", expiration, 0, Constraints.MAX_EPOCH_MILLIS);
    return new RerollKeyRequest(keyId, expiration);
  }

  /** The key to reroll. */
  public String keyId() {
    return keyId;
  }

  /** How long the original key stays valid. */
  public Duration expiration() {
    return expiration;
  }

  @Override
  public String toString() {
    return "RerollKeyRequest{keyId=" + keyId + ", expiration=" + expiration + "}";
  }
}
