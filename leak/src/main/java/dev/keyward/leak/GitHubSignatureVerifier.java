package dev.keyward.leak;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the signature GitHub puts on a secret-scanning report: ECDSA P-256 with SHA-256 over the
 * raw request body, DER-encoded and base64 in {@code Github-Public-Key-Signature}, made with the
 * key that {@code Github-Public-Key-Identifier} names. Thread-safe.
 *
 * <p>{@link #verify} never throws on what a client sent: a missing header, a signature that is not
 * base64 or not minimal DER, an {@code r} or {@code s} outside {@code [1, n)}, an unknown or
 * oversized identifier all answer {@code false}. An identifier or a signature longer than GitHub
 * ever sends is refused before any key lookup, so it cannot make a {@link GitHubKeySource} fetch.
 */
public final class GitHubSignatureVerifier {
  /** The longest key identifier accepted (GitHub's are 64 hex digits). */
  public static final int MAX_KEY_IDENTIFIER_LENGTH = 128;

  /** The longest base64 signature accepted (a DER P-256 signature is at most 72 bytes: 96). */
  public static final int MAX_SIGNATURE_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(GitHubSignatureVerifier.class);

  private static final BigInteger P256_ORDER =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  private final GitHubKeyLookup keys;

  /**
   * Verifies with the keys {@code keys} finds: a {@link GitHubPublicKeys} or a {@code
   * GitHubKeySource}.
   */
  public GitHubSignatureVerifier(GitHubKeyLookup keys) {
    this.keys = Objects.requireNonNull(keys, "keys == null");
  }

  /**
   * True only if {@code signature} is a valid ECDSA P-256/SHA-256 signature of exactly {@code
   * rawBody} by the key named {@code keyIdentifier}; false for anything else, never an exception.
   *
   * @param rawBody the request body as received, before any parsing
   * @param keyIdentifier the {@code Github-Public-Key-Identifier} header, or null when absent
   * @param signature the {@code Github-Public-Key-Signature} header, or null when absent
   */
  public boolean verify(
      byte @Nullable [] rawBody, @Nullable String keyIdentifier, @Nullable String signature) {
    if (rawBody == null || !plausibleIdentifier(keyIdentifier) || signature == null) {
      return false;
    }
    if (signature.isEmpty() || signature.length() > MAX_SIGNATURE_LENGTH) {
      return false;
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!strictDerInRange(der)) {
      return false;
    }
    Optional<PublicKey> key;
    try {
      key = keys.find(keyIdentifier);
    } catch (RuntimeException e) {
      log.warn("public key lookup failed: {}", e.getClass().getName());
      return false;
    }
    if (key.isEmpty()) {
      return false;
    }
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initVerify(key.get());
      ecdsa.update(rawBody);
      return ecdsa.verify(der);
    } catch (GeneralSecurityException | RuntimeException e) {
      // not DER, wrong length, a value out of range: a forged or damaged signature
      return false;
    }
  }

  /**
   * Whether {@code der} is exactly {@code SEQUENCE { INTEGER r, INTEGER s }} in minimal DER with
   * {@code 1 <= r, s < n}. The JDK checks this itself since 17.0.3; on 15 to 17.0.2 it took {@code
   * r = s = 0} for a valid signature of any body (CVE-2022-21449), so the receiver checks it first.
   */
  static boolean strictDerInRange(byte[] der) {
    if (der.length < 8 || der.length > 72 || der[0] != 0x30 || der[1] != der.length - 2) {
      return false;
    }
    int rEnd = integerEnd(der, 2);
    if (rEnd < 0) {
      return false;
    }
    int sEnd = integerEnd(der, rEnd);
    if (sEnd != der.length) {
      return false;
    }
    BigInteger r = new BigInteger(Arrays.copyOfRange(der, 4, rEnd));
    BigInteger s = new BigInteger(Arrays.copyOfRange(der, rEnd + 2, sEnd));
    return r.signum() > 0
        && r.compareTo(P256_ORDER) < 0
        && s.signum() > 0
        && s.compareTo(P256_ORDER) < 0;
  }

  /** The end of the minimal positive DER INTEGER at {@code at}, or -1. */
  private static int integerEnd(byte[] der, int at) {
    if (at + 2 > der.length || der[at] != 0x02) {
      return -1;
    }
    int len = der[at + 1];
    int start = at + 2;
    if (len < 1 || len > 33 || start + len > der.length) {
      return -1;
    }
    if (len > 1 && der[start] == 0 && der[start + 1] >= 0) {
      return -1; // a leading zero that is not needed: not minimal
    }
    return start + len;
  }

  /** 1..128 characters of {@code [A-Za-z0-9._-]}: what a key identifier can look like. */
  static boolean plausibleIdentifier(@Nullable String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_KEY_IDENTIFIER_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "GitHubSignatureVerifier[" + keys + "]";
  }
}
