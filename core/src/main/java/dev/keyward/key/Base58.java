package dev.keyward.key;

import java.util.Arrays;
import java.util.Objects;

/**
 * Base58 with the Bitcoin alphabet, as Unkey encodes key bytes. Base58 takes time quadratic in the
 * length, so both directions are bounded: {@value #MAX_BYTES} bytes, {@value #MAX_TEXT} characters
 * (a key has at most 512); beyond, a 10 MB input would run for hours.
 */
public final class Base58 {
  /** The most bytes {@link #encode} takes. */
  public static final int MAX_BYTES = 1024;

  /** The most characters {@link #decode} takes. */
  public static final int MAX_TEXT = 1400;

  static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final char[] CHARS = ALPHABET.toCharArray();
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < CHARS.length; i++) {
      INDEXES[CHARS[i]] = i;
    }
  }

  private Base58() {}

  /** Returns true if {@code c} belongs to the Bitcoin base58 alphabet. */
  public static boolean isBase58(char c) {
    return c < 128 && INDEXES[c] >= 0;
  }

  /**
   * Encodes {@code input} (leading zero bytes become leading {@code '1'}s).
   *
   * @throws InvalidKeyFormatException if {@code input} has more than {@value #MAX_BYTES} bytes
   */
  public static String encode(byte[] input) {
    Objects.requireNonNull(input, "input == null");
    if (input.length > MAX_BYTES) {
      throw new InvalidKeyFormatException("input must be at most " + MAX_BYTES + " bytes");
    }
    if (input.length == 0) {
      return "";
    }
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    byte[] number = Arrays.copyOf(input, input.length);
    char[] encoded = new char[input.length * 2];
    int out = encoded.length;
    int start = zeros;
    while (start < number.length) {
      encoded[--out] = CHARS[divmod(number, start, 256, 58)];
      if (number[start] == 0) {
        start++;
      }
    }
    while (out < encoded.length && encoded[out] == CHARS[0]) {
      out++;
    }
    while (--zeros >= 0) {
      encoded[--out] = CHARS[0];
    }
    String text = new String(encoded, out, encoded.length - out);
    Arrays.fill(encoded, '\0'); // encoded keys must not linger in a buffer
    return text;
  }

  /**
   * Decodes base58 text.
   *
   * @throws InvalidKeyFormatException if a character is outside the alphabet (its position is
   *     named) or {@code input} has more than {@value #MAX_TEXT} characters
   */
  public static byte[] decode(String input) {
    Objects.requireNonNull(input, "input == null");
    if (input.length() > MAX_TEXT) {
      throw new InvalidKeyFormatException(
          "input must be at most " + MAX_TEXT + " base58 characters; allowed: " + ALPHABET);
    }
    if (input.isEmpty()) {
      return new byte[0];
    }
    byte[] input58 = new byte[input.length()];
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (!isBase58(c)) {
        throw new InvalidKeyFormatException(
            "invalid base58 character at index " + i + "; allowed: " + ALPHABET);
      }
      input58[i] = (byte) INDEXES[c];
    }
    int zeros = 0;
    while (zeros < input58.length && input58[zeros] == 0) {
      zeros++;
    }
    byte[] decoded = new byte[input.length()];
    int out = decoded.length;
    int start = zeros;
    while (start < input58.length) {
      decoded[--out] = divmod(input58, start, 58, 256);
      if (input58[start] == 0) {
        start++;
      }
    }
    while (out < decoded.length && decoded[out] == 0) {
      out++;
    }
    return Arrays.copyOfRange(decoded, out - zeros, decoded.length);
  }

  /** Divides the big-endian number in {@code number[first..]} in place; returns the remainder. */
  private static byte divmod(byte[] number, int first, int base, int divisor) {
    int remainder = 0;
    for (int i = first; i < number.length; i++) {
      int digit = number[i] & 0xFF;
      int temp = remainder * base + digit;
      number[i] = (byte) (temp / divisor);
      remainder = temp % divisor;
    }
    return (byte) remainder;
  }
}
