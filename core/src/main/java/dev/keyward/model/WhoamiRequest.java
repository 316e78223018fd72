package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.key.Secret;

/** {@code keys.whoami}: looks a key up by its plaintext. */
public final class WhoamiRequest {
  private final Secret key;

  private WhoamiRequest(Secret key) {
    this.key = key;
  }

  /** Looks up {@code key}. */
  public static WhoamiRequest of(Secret key) {
    Constraints.notNull("key", key);
    Constraints.length("key", key.reveal(), 1, 512);
    return new WhoamiRequest(key);
  }

  /** Looks up {@code key}, wrapped at once as a {@link Secret}. */
  public static WhoamiRequest of(String key) {
    return of(Secret.of(Constraints.notNull("key", key)));
  }

  /** The key to look up. */
  public Secret key() {
    return key;
  }

  @Override
  public String toString() {
    return "WhoamiRequest{key=" + key + "}";
  }
}
