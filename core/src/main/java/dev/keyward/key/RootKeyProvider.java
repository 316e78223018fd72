package dev.keyward.key;

import java.util.Objects;

/** Supplies the root key, read once per attempt, so a rotated key takes effect without a restart. */
@FunctionalInterface
public interface RootKeyProvider {
  /** Returns the root key to use for the next attempt. */
  Secret current();

  /** A provider that always returns {@code secret}. */
  static RootKeyProvider of(Secret secret) {
    Objects.requireNonNull(secret, "secret == null");
    return () -> secret;
  }

  /**
   * Reads the environment variable {@code name} once per call.
   *
   * @throws IllegalStateException naming the variable when it is unset or empty
   */
  static RootKeyProvider fromEnvironment(String name) {
    Objects.requireNonNull(name, "name == null");
    return () -> {
      String value = System.getenv(name);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException(
            "environment variable " + name + " is not set: set it to an Unkey root key");
      }
      return Secret.of(value.strip());
    };
  }
}
