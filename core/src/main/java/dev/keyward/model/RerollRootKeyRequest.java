package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import java.time.Duration;

/**
 * {@code rootKeys.rerollRootKey} (keyward's extension): a new root key with the old one's
 * permissions; the old key stays valid for {@code expiration}. Rotation never uses it (it creates,
 * verifies, then revokes).
 */
public final class RerollRootKeyRequest {
  private final String keyId;
  private final Duration expiration;

  private RerollRootKeyRequest(String keyId, Duration expiration) {
    this.keyId = keyId;
    this.expiration = expiration;
  }

  /**
   * Rerolls {@code keyId}, keeping the old key valid for {@code expiration} (0..4102444800000 ms).
   */
  public static RerollRootKeyRequest of(String keyId, Duration expiration) {
    Ids.keyId(keyId);
    Constraints.notNull("expiration", expiration);
    Constraints.millis("expiration", expiration, 0, Constraints.MAX_EPOCH_MILLIS);
    return new RerollRootKeyRequest(keyId, expiration);
  }

  /** The root key to reroll. */
  public String keyId() {
    return keyId;
  }

  /** How long the original key stays valid. */
  public Duration expiration() {
    return expiration;
  }

  @Override
  public String toString() {
    return "RerollRootKeyRequest{keyId=" + keyId + ", expiration=" + expiration + "}";
  }
}
