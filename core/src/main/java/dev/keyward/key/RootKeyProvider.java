package dev.keyward.key;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Supplies the root key, read once per attempt, so a rotated key takes effect without a restart.
 *
 * <pre>{@code
 * RootKeyProvider.fromEnvironment("UNKEY_ROOT_KEY");
 * RootKeyProvider.fromFile(Path.of("/var/run/secrets/unkey/root-key")); // a mounted secret
 * }</pre>
 */
@FunctionalInterface
public interface RootKeyProvider {
  /**
   * Returns the root key to use for the next attempt.
   *
   * @throws IllegalStateException if the key cannot be read; the message names its source
   */
  Secret current();

  /** A provider that always returns {@code secret}. */
  static RootKeyProvider of(Secret secret) {
    Objects.requireNonNull(secret, "secret == null");
    return () -> secret;
  }

  /**
   * Reads the environment variable {@code name} on every call.
   *
   * @throws IllegalStateException from {@link #current()}, naming the variable, when it is unset,
   *     empty or not a key
   */
  static RootKeyProvider fromEnvironment(String name) {
    Objects.requireNonNull(name, "name == null");
    return () -> {
      String value = System.getenv(name);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException(
            "environment variable " + name + " is not set: set it to an Unkey root key");
      }
      try {
        return Secret.of(value.strip());
      } catch (InvalidKeyFormatException e) {
        throw new IllegalStateException(
            "environment variable " + name + " does not hold a key: " + e.getMessage(), e);
      }
    };
  }

  /**
   * Reads the key from {@code file} (surrounding whitespace stripped), and reads it again whenever
   * the file's modification time or size changes, as when Kubernetes updates a mounted secret.
   *
   * @throws IllegalStateException from {@link #current()}, naming the file, when it cannot be read,
   *     is larger than 4096 bytes (it is never read further) or does not hold a key
   */
  static RootKeyProvider fromFile(Path file) {
    return new FileRootKeyProvider(Objects.requireNonNull(file, "file == null"));
  }
}
