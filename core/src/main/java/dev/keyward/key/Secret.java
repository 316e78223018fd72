package dev.keyward.key;

/**
 * A plaintext key: the only type in keyward that holds one. {@link #equals} runs in constant time
 * for a given length; not Serializable.
 *
 * <h2>What {@link #toString()} shows</h2>
 *
 * At most {@value #MAX_VISIBLE} characters of the key and never more than half of it, followed by
 * {@code …****}; the first rule that applies wins:
 *
 * <ol>
 *   <li>A key of Unkey's shape ({@code prefix_body}: a prefix of 1..16 characters of {@code
 *       [A-Za-z0-9_]}, then {@code _}, then at least 16 base58 characters without {@code _}) shows
 *       Unkey's {@link #start()}, e.g. {@code sk_live_3ZxK…****}, when the start has at most
 *       {@value #MAX_VISIBLE} characters (prefixes of up to 7 characters);
 *   <li>else, for such a key, its prefix and {@code _} when they have at most {@value #MAX_VISIBLE}
 *       characters;
 *   <li>else the first 4 characters, when the key has at least 16 (a quarter at most);
 *   <li>else nothing: {@code …****}.
 * </ol>
 *
 * <p>So a token of any other shape (say base64url with {@code _} anywhere) shows at most 4
 * characters, and no rule ever reveals more than {@value #MAX_VISIBLE}. {@link
 * KeyFormat#visibleStart(String)} applies the same rule to a {@code String}.
 *
 * <h2>What {@link #of(String)} accepts</h2>
 *
 * 1 to {@value #MAX_LENGTH} characters (Unkey's limit on {@code key}), each visible ASCII ({@code
 * U+0021..U+007E}): what an HTTP header value can carry. Anything else (empty, whitespace, control
 * characters, non-ASCII such as {@code U+200B} or {@code é}) is an {@link
 * InvalidKeyFormatException} naming the field {@code secret}, the rule and the index of the first
 * offending character, never the value.
 *
 * <h2>Memory: no erasure on the JVM</h2>
 *
 * A {@code Secret} wraps a {@link String}, and Java strings are immutable: the plaintext stays in
 * the heap until the garbage collector reuses that memory, and may appear in a heap dump, a core
 * file or swap until then. {@code Secret} therefore cannot promise erasure and offers no {@code
 * destroy()}. What it does promise: it is the only keyward type that holds plaintext; keyward keeps
 * no cache, static map or interned copy of plaintext (secrets are looked up by {@link #hash()});
 * {@link #equals} and {@link #hashCode} compare without copying the plaintext; and the transient
 * byte and char buffers keyward fills while generating or hashing a key are zeroed after use. If
 * your threat model includes heap dumps, protect the process (no dumps to shared disks, encrypted
 * swap) rather than relying on any JVM object.
 */
public final class Secret {
  /** Unkey's limit on a key's length (the spec's {@code maxLength} for {@code key}). */
  public static final int MAX_LENGTH = 512;

  /** The most characters of a key that {@link #toString()} ever shows. */
  public static final int MAX_VISIBLE = 12;

  private static final String MASK = "…****";
  private static final String ALLOWED =
      "1 to " + MAX_LENGTH + " visible ASCII characters (U+0021..U+007E)";

  private final String value;
  private volatile String hash;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a plaintext key: 1 to {@value #MAX_LENGTH} visible ASCII characters.
   *
   * @throws NullPointerException if {@code value} is null (naming the field {@code secret})
   * @throws InvalidKeyFormatException if it is empty, too long, or holds whitespace, a control or a
   *     non-ASCII character; the message names the rule and an index, never the value
   */
  public static Secret of(String value) {
    if (value == null) {
      throw new NullPointerException("secret must not be null; allowed: " + ALLOWED);
    }
    if (value.isEmpty()) {
      throw new InvalidKeyFormatException("secret must not be empty; allowed: " + ALLOWED);
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidKeyFormatException(
          "secret must be at most " + MAX_LENGTH + " characters long; allowed: " + ALLOWED);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new InvalidKeyFormatException(
            "secret has " + kind(c) + " at index " + i + "; allowed: " + ALLOWED);
      }
    }
    return new Secret(value);
  }

  private static String kind(char c) {
    if (c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return "a whitespace character";
    }
    if (Character.isISOControl(c)) {
      return "a control character";
    }
    return "a non-ASCII character";
  }

  /**
   * Returns the plaintext. Call it only where the key must leave the process (a header, a store).
   */
  public String reveal() {
    return value;
  }

  /**
   * Unkey's {@code start}: the prefix with its {@code _} plus 4 characters, or 4 characters; see
   * {@link KeyFormat#start(String)}. Not a mask: {@link #toString()} is.
   */
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

  /**
   * Compares the plaintexts in time that depends only on the other key's length, without copying
   * either.
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Secret other)) {
      return false;
    }
    String a = value;
    String b = other.value;
    int diff = a.length() ^ b.length();
    for (int i = 0; i < b.length(); i++) {
      diff |= a.charAt(i % a.length()) ^ b.charAt(i);
    }
    return diff == 0;
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  /**
   * Returns at most {@value #MAX_VISIBLE} leading characters (never more than half of the key) and
   * {@code …****}, by the rule in the class comment; e.g. {@code unkey_3Zx9…****}.
   */
  @Override
  public String toString() {
    return KeyFormat.visibleStart(value) + MASK;
  }
}
