package dev.keyward.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Unkey's key format: {@code prefix_} + base58 of random bytes, hashed as base64(SHA-256). */
public final class KeyFormat {
  /** Unkey's default number of random bytes. */
  public static final int DEFAULT_BYTE_LENGTH = 16;

  /** The prefix of Unkey root keys. */
  public static final String ROOT_KEY_PREFIX = "unkey";

  private static final int MIN_BYTES = 16;
  private static final int MAX_BYTES = 255;
  private static final int MAX_PREFIX = 16;
  private static final int START_CHARS = 4;

  /** Fewest body characters for {@link #visibleStart} to treat a key as Unkey-shaped. */
  private static final int MIN_BODY = 16;

  private KeyFormat() {}

  /**
   * Generates a key: {@code prefix + "_" + base58(bytes)}, or just the base58 text without a
   * prefix. Draws exactly one {@code nextBytes(new byte[byteLength])} from {@code random}.
   */
  public static Secret generate(@Nullable String prefix, int byteLength, SecureRandom random) {
    Objects.requireNonNull(random, "random == null");
    if (prefix != null) {
      checkPrefix(prefix);
    }
    if (byteLength < MIN_BYTES || byteLength > MAX_BYTES) {
      throw new InvalidKeyFormatException(
          "byteLength must be between " + MIN_BYTES + " and " + MAX_BYTES);
    }
    byte[] bytes = new byte[byteLength];
    random.nextBytes(bytes);
    String body = Base58.encode(bytes);
    Arrays.fill(bytes, (byte) 0);
    return Secret.of(prefix == null ? body : prefix + "_" + body);
  }

  /** Checks a key prefix: 1..16 characters of {@code [a-zA-Z0-9_]}. */
  public static void checkPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    if (prefix.isEmpty() || prefix.length() > MAX_PREFIX) {
      throw new InvalidKeyFormatException("prefix must be 1 to " + MAX_PREFIX + " characters");
    }
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (!isPrefixChar(c)) {
        throw new InvalidKeyFormatException(
            "prefix character at index " + i + " is not allowed; allowed: [a-zA-Z0-9_]");
      }
    }
  }

  /** Unkey's stored hash of a key: base64 (padded) of SHA-256 over the UTF-8 bytes. */
  public static String hash(String key) {
    Objects.requireNonNull(key, "key == null");
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    try {
      return Base64.getEncoder().encodeToString(sha256(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Unkey's {@code start}: the prefix with its {@code _} plus the next 4 characters, or the first 4
   * characters when there is no prefix. The prefix ends at the last {@code _} among the first 17
   * characters (a prefix has at most 16), so the start never exceeds 21 characters whatever the
   * key. This is what Unkey stores and shows, not a mask: log {@link #visibleStart(String)}.
   */
  public static String start(String key) {
    Objects.requireNonNull(key, "key == null");
    int underscore = key.lastIndexOf('_', MAX_PREFIX);
    int end = underscore >= 0 ? underscore + 1 + START_CHARS : START_CHARS;
    return key.substring(0, Math.min(end, key.length()));
  }

  /**
   * The leading characters of {@code key} that may be shown in logs and {@code toString()}: at most
   * {@link Secret#MAX_VISIBLE} characters and never more than half of the key, by the rule that
   * {@link Secret}'s class comment documents (Unkey's start for a key of Unkey's shape with a short
   * prefix, else its prefix, else 4 characters of a key of at least 16, else nothing).
   */
  public static String visibleStart(String key) {
    Objects.requireNonNull(key, "key == null");
    int n = key.length();
    int separator = unkeyShapeSeparator(key);
    if (separator > 0) {
      int withStart = separator + 1 + START_CHARS;
      if (withStart <= Secret.MAX_VISIBLE) {
        return key.substring(0, withStart);
      }
      if (separator + 1 <= Secret.MAX_VISIBLE) {
        return key.substring(0, separator + 1);
      }
    }
    return n >= 4 * START_CHARS ? key.substring(0, START_CHARS) : "";
  }

  /**
   * The index of the {@code _} that ends the prefix of a key of Unkey's shape ({@code prefix_body},
   * prefix 1..16 of {@code [A-Za-z0-9_]}, body at least 16 base58 characters), or -1.
   */
  private static int unkeyShapeSeparator(String key) {
    int separator = key.lastIndexOf('_');
    if (separator < 1 || separator > MAX_PREFIX || key.length() - separator - 1 < MIN_BODY) {
      return -1;
    }
    for (int i = 0; i < separator; i++) {
      if (!isPrefixChar(key.charAt(i))) {
        return -1;
      }
    }
    for (int i = separator + 1; i < key.length(); i++) {
      if (!Base58.isBase58(key.charAt(i))) {
        return -1;
      }
    }
    return separator;
  }

  private static boolean isPrefixChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** True if {@code key} has the shape of an Unkey root key: {@code unkey_} + base58. */
  public static boolean looksLikeRootKey(String key) {
    Objects.requireNonNull(key, "key == null");
    String head = ROOT_KEY_PREFIX + "_";
    if (!key.startsWith(head) || key.length() < head.length() + 16) {
      return false;
    }
    for (int i = head.length(); i < key.length(); i++) {
      if (!Base58.isBase58(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static byte[] sha256(byte[] input) {
    // digest() resets the instance, so one per thread is safe and saves a provider lookup per hash.
    return SHA256.get().digest(input);
  }

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new AssertionError("every JDK has SHA-256", e);
            }
          });
}
