package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a rotated key lives between rotations: an {@code .env} file, a vault, a secrets manager. A
 * rotation writes the new key here before it deploys or verifies anything, and restores the
 * previous value if it rolls back. Writes must be durable when they return.
 *
 * <p>A store for another backend is a few lines:
 *
 * <pre>{@code
 * final class VaultSecretStore implements SecretStore {
 *   public Optional<Secret> read(String name) { return vault.read(path, name).map(Secret::of); }
 *   public void write(String name, Secret value) { vault.write(path, name, value.reveal()); }
 *   public void delete(String name) { vault.delete(path, name); }
 * }
 * }</pre>
 */
public interface SecretStore {
  /** The value stored under {@code name}, if any. */
  Optional<Secret> read(String name);

  /** Stores {@code value} under {@code name}, replacing any previous value, durably. */
  void write(String name, Secret value);

  /** Removes {@code name}; does nothing if it is absent. */
  void delete(String name);

  /**
   * A store over an {@code .env} file of {@code NAME=value} lines: other lines and comments are
   * kept as they are, every write replaces the file atomically (temporary file, fsync, rename,
   * directory fsync) and keeps its POSIX mode ({@code 0600} for a new file).
   */
  static SecretStore envFile(Path file) {
    return new EnvFileSecretStore(file, Storage.SYSTEM);
  }

  /** A store in memory, for tests and for callers that deploy the key themselves. */
  static SecretStore inMemory() {
    return new InMemorySecretStore();
  }
}
