package dev.keyward.leak;

import java.util.Objects;

/**
 * What the receiver remembers about a token it found live: the token's SHA-256 (hex), what it was,
 * the key id, and whether the playbook finished. Never the token itself.
 *
 * @param tokenHash SHA-256 of the token's UTF-8 bytes, 64 lowercase hex digits
 * @param kind what the token was
 * @param keyId the key's id (API key or root key)
 * @param done whether the playbook finished for it (a record not done is resumed by a redelivery
 *     after a restart)
 */
public record LeakRecord(String tokenHash, TokenKind kind, String keyId, boolean done) {
  /** Checks the hash's shape and that the key id has no whitespace. */
  public LeakRecord {
    Objects.requireNonNull(tokenHash, "tokenHash == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(keyId, "keyId == null");
    if (!TokenHashes.isHash(tokenHash)) {
      throw new IllegalArgumentException("tokenHash must be 64 lowercase hex digits");
    }
    if (keyId.isEmpty()
        || keyId.length() > 255
        || !keyId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("keyId must be 1 to 255 visible ASCII characters");
    }
  }

  /** This record, marked done. */
  public LeakRecord withDone() {
    return new LeakRecord(tokenHash, kind, keyId, true);
  }
}
