package dev.keyward.rotation;

import java.util.Objects;

/**
 * Another rotation of the same key holds the lock of its store or of its journal, so this one was
 * refused before it did anything. The message names the key and the lock, never a key's value.
 * Stores of other backends throw it from {@link SecretStore#lockForRotation(String)}.
 */
public class ConcurrentRotationException extends RotationException {
  private static final long serialVersionUID = 1L;

  /** The id of the key whose rotation was refused. */
  private final String keyId;

  /**
   * Creates the refusal; {@code explanation} is fixed text naming the key and the lock, e.g. {@code
   * "root key key_X is already being rotated in this store (lock /etc/app/..env.keyward-lock)"}.
   */
  public ConcurrentRotationException(String planId, String keyId, String explanation) {
    super(planId, "lock", explanation);
    this.keyId = Objects.requireNonNull(keyId, "keyId == null");
  }

  /** The id of the key whose rotation was refused. */
  public String keyId() {
    return keyId;
  }
}
