package dev.keyward.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A plaintext key: the only type in keyward that holds one. {@code toString()} shows Unkey's {@code
 * start} and a mask, never more; {@link #equals} runs in constant time; not Serializable.
 */
public final class Secret {
  /** Unkey's limit on a key's length (the spec's {@code maxLength} for {@code key}). */
  public static final int MAX_LENGTH = 512;

  private static final String MASK = "…****";

  private final String value;
  private volatile String hash;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a plaintext key. Rejects empty input and control characters, never quoting the input. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value == null");
    if (value.isEmpty()) {
      throw new InvalidKeyFormatException("a key must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidKeyFormatException("a key must be at most " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new InvalidKeyFormatException(
            "a key must not contain whitespace or control characters (index " + i + ")");
      }
    }
    return new Secret(value);
  }

  /**
   * Returns the plaintext. Call it only where the key must leave the process (a header, a store).
   */
  public String reveal() {
    return value;
  }

  /** Unkey's {@code start}: the prefix with its {@code _} plus 4 characters, or 4 characters. */
  public String start() {
    return KeyFormat.start(value);
  }

  /** Unkey's hash of this key: base64 of SHA-256. */
  public String hash() {
    String h = hash;
    if (h == null) {
      h = KeyFormat.hash(value);
      hash = h;
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8),
            ((Secret) o).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  /**
   * Returns the start and a mask, e.g. {@code unkey_3Zx9…****}. A key too short to keep at least 8
   * characters hidden shows only its prefix (or nothing).
   */
  @Override
  public String toString() {
    String start = start();
    if (value.length() - start.length() >= 8) {
      return start + MASK;
    }
    int underscore = start.lastIndexOf('_');
    return (underscore >= 0 ? start.substring(0, underscore + 1) : "") + MASK;
  }
}
