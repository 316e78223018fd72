package dev.keyward.rotation;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Another rotation of the same key holds the lock of its store or of its journal, so this one was
 * refused before it did anything. The message names the key and the lock, never a key's value.
 * Stores of other backends throw it from {@link SecretStore#lockForRotation(String)} and {@link
 * VersionedSecretStore#tryLock}, naming the holder when they know it.
 */
public class ConcurrentRotationException extends RotationException {
  private static final long serialVersionUID = 1L;

  /** The id of the key whose rotation was refused. */
  private final String keyId;

  /** Who holds the lock, if the lock names its holder. */
  private final @Nullable String holder;

  /**
   * Creates the refusal; {@code explanation} is fixed text naming the key and the lock, e.g. {@code
   * "root key key_X is already being rotated in this store (lock /etc/app/..env.keyward-lock)"}.
   */
  public ConcurrentRotationException(String planId, String keyId, String explanation) {
    this(planId, keyId, null, explanation);
  }

  /**
   * Creates the refusal naming the lock's {@code holder} (a store lease's holder, e.g. {@code
   * key_X@4711.build-7}); {@code keyId} is the key whose rotation was refused, or for a lease
   * refused outside a rotation, the name of the secret.
   */
  public ConcurrentRotationException(
      String planId, String keyId, @Nullable String holder, String explanation) {
    super(planId, "lock", explanation);
    this.keyId = Objects.requireNonNull(keyId, "keyId == null");
    this.holder = holder;
  }

  /** Who holds the lock, if the lock names its holder. */
  public Optional<String> holder() {
    return Optional.ofNullable(holder);
  }

  /** The id of the key whose rotation was refused. */
  public String keyId() {
    return keyId;
  }
}
