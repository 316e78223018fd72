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
   * Takes this store's rotation lock for key {@code keyId}, which a rotation holds from its first
   * step to its last, so that two rotations of one key in one store cannot both run, whatever
   * journal each of them keeps. The default holds it in this process, per store instance and key
   * id; a store shared by several processes overrides it with a lock they all see (the {@code .env}
   * store locks a file next to the real file).
   *
   * @throws ConcurrentRotationException if another rotation holds the lock
   */
  default RotationLock lockForRotation(String keyId) {
    return InProcessLocks.lock(this, keyId);
  }

  /** A held rotation lock; {@link #close()} releases it. */
  @FunctionalInterface
  interface RotationLock extends AutoCloseable {
    /** Releases the lock; does nothing the second time. */
    @Override
    void close();
  }

  /**
   * A store over an {@code .env} file of {@code NAME=value} lines: other lines and comments are
   * kept as they are, every write replaces the file atomically (temporary file in the real file's
   * directory, fsync, rename, directory fsync) and keeps its POSIX mode ({@code 0600} for a new
   * file). A symbolic link (or a chain of them) is written through: the real file is replaced and
   * the link stays; a dangling link is refused ({@link SecretStoreException.Reason#BROKEN_LINK}). A
   * file its group or others can read gets a warning on the {@code System.Logger} {@code
   * dev.keyward.rotation.EnvFileSecretStore} (never a value) and is written anyway, unless {@link
   * EnvFileOption#REFUSE_READABLE_BY_OTHERS} is given. A rotation's lock is the file {@code
   * .<name>.keyward-lock} beside the real file: one rotation per {@code .env} file at a time,
   * across processes.
   *
   * <p>Lines are kept byte for byte (CRLF endings, bytes that are not UTF-8, a byte order mark);
   * the first definition of the name is replaced and later ones dropped. The real file must be a
   * regular file ({@link SecretStoreException.Reason#NOT_A_REGULAR_FILE}: never a FIFO). Writes to
   * one file are serialized within a JVM; two processes that write one file outside a rotation's
   * lock each replace the whole file, so the later rename wins.
   *
   * <pre>{@code
   * SecretStore store =
   *     SecretStore.envFile(Path.of("/etc/billing/.env"), EnvFileOption.REFUSE_READABLE_BY_OTHERS);
   * }</pre>
   */
  static SecretStore envFile(Path file, EnvFileOption... options) {
    return new EnvFileSecretStore(file, Storage.SYSTEM, options);
  }

  /**
   * A store over an {@code .env} file with the default options; see {@link #envFile(Path,
   * EnvFileOption...)}.
   */
  static SecretStore envFile(Path file) {
    return envFile(file, new EnvFileOption[0]);
  }

  /**
   * A store in memory, for tests and for callers that deploy the key themselves; its rotation lock
   * is the default one, held in this process.
   */
  static SecretStore inMemory() {
    return new InMemorySecretStore();
  }
}
