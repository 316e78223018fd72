package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A value read from a {@link VersionedSecretStore} with its version and the idempotency token of
 * the write that created it (if the store knows it). Not a record: {@link #toString()} prints the
 * version and token only, never the value.
 */
public final class VersionedSecret {
  private final Secret value;
  private final SecretVersion version;
  private final @Nullable String idempotencyToken;

  /**
   * A value at {@code version}, created by the write with {@code idempotencyToken} (or unknown).
   */
  public VersionedSecret(Secret value, SecretVersion version, @Nullable String idempotencyToken) {
    this.value = Objects.requireNonNull(value, "value == null");
    this.version = Objects.requireNonNull(version, "version == null");
    if (version.isAbsent()) {
      throw new IllegalArgumentException("a stored value cannot have the version ABSENT");
    }
    this.idempotencyToken = idempotencyToken;
  }

  /** The value. */
  public Secret value() {
    return value;
  }

  /** The store's version of the value. */
  public SecretVersion version() {
    return version;
  }

  /**
   * The idempotency token of the write that created this version; empty for a value written without
   * one (a plain {@link SecretStore#write}, an edit by hand).
   */
  public Optional<String> idempotencyToken() {
    return Optional.ofNullable(idempotencyToken);
  }

  @Override
  public String toString() {
    return "VersionedSecret{version="
        + version
        + (idempotencyToken == null ? "" : ", token=" + idempotencyToken)
        + ", value=***}";
  }
}
