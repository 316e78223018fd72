package dev.keyward.rotation;

import java.util.Objects;

/**
 * A {@link VersionedSecretStore} refused a write that would have lost or duplicated a version: the
 * expected version is stale ({@link SecretStoreException.Reason#VERSION_CONFLICT}), an idempotency
 * token was reused with another value ({@link SecretStoreException.Reason#TOKEN_REUSED}), or the
 * version to promote is not the pending one ({@link SecretStoreException.Reason#NO_SUCH_VERSION}).
 * The message names the secret's name, versions and tokens, never a value. Nothing was written.
 */
public class SecretStoreConflictException extends SecretStoreException {
  private static final long serialVersionUID = 1L;

  /** The name of the secret whose write was refused. */
  private final String name;

  /**
   * Creates the refusal; {@code reason} is one of the three conflict reasons, {@code explanation}
   * fixed text naming the secret, versions and tokens, never a value.
   */
  public SecretStoreConflictException(Reason reason, String name, String explanation) {
    super(reason, explanation, null);
    if (reason != Reason.VERSION_CONFLICT
        && reason != Reason.TOKEN_REUSED
        && reason != Reason.NO_SUCH_VERSION) {
      throw new IllegalArgumentException(
          "reason must be VERSION_CONFLICT, TOKEN_REUSED or NO_SUCH_VERSION");
    }
    this.name = Objects.requireNonNull(name, "name == null");
  }

  /** The name of the secret whose write was refused. */
  public String name() {
    return name;
  }
}
